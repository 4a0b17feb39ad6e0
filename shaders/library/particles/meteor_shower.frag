#version 330 core
// particles/meteor_shower: diagonal meteors with bright heads and tails
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = mix(vec3(0.02, 0.02, 0.08), vec3(0.1, 0.05, 0.2), 0.5 + 0.5 * p.y);
    vec2 d = normalize(vec2(1.0, -0.6 - 0.4 * p0));
    for (int i = 0; i < 5; i++) {
        float k = float(i);
        float t = fract(time * 0.3 + hash11(k));
        vec2 head = vec2(-1.2 + 2.4 * hash11(k + 3.0), 1.2) + d * t * 3.0;
        vec2 rel = p - head;
        float along = dot(rel, -d), across = abs(dot(rel, vec2(-d.y, d.x)));
        float tail = step(0.0, along) * exp(-along * 3.0) * smoothstep(0.02, 0.0, across);
        col += vec3(1.0, 0.9, 0.7) * (tail + 0.004 / (dot(rel, rel) + 0.004));
    }
    fragColor = vec4(col * (0.7 + 0.5 * p1), 1.0);
}
