#version 330 core
// polar/flower: petals from a cosine radius profile
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(rot(time * 0.1) * p);
    float n = 3.0 + floor(7.0 * p0);
    float r = 0.5 + 0.25 * cos(q.x * TAU * n) * (0.5 + p1);
    float inside = smoothstep(r + 0.02, r - 0.02, q.y);
    vec3 col = mix(vec3(0.1, 0.3, 0.1), hsv(p2, 0.7, 1.0) * (1.0 - 0.6 * q.y / r), inside);
    col = mix(col, vec3(1.0, 0.85, 0.2), smoothstep(0.12, 0.08, q.y));
    fragColor = vec4(col, 1.0);
}
