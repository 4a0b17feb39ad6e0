#version 330 core
// particles/fireflies: soft glowing points wandering over a dark meadow
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = mix(vec3(0.02, 0.05, 0.02), vec3(0.05, 0.1, 0.2), 0.5 + 0.5 * p.y);
    for (int i = 0; i < 12; i++) {
        float k = float(i);
        vec2 c = vec2(sin(time * (0.2 + 0.05 * k) + k * 3.1), cos(time * (0.17 + 0.04 * k) + k * 1.7)) * 0.9;
        float blink = 0.5 + 0.5 * sin(time * 2.0 + k * 5.0 + p0 * 6.0);
        col += vec3(1.0, 0.9, 0.4) * 0.004 / (dot(p - c, p - c) + 0.004) * blink;
    }
    fragColor = vec4(col * (0.6 + 0.6 * p1), 1.0);
}
