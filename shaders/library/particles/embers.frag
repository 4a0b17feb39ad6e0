#version 330 core
// particles/embers: rising orange embers with flicker over smoke
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec3 col = vec3(0.25, 0.12, 0.06) * (0.5 + 1.5 * fbm(uv * 3.0 + vec2(0.0, -time * 0.2), 4)) * (1.2 - uv.y);
    vec2 q = uv * vec2(8.0, 6.0) * (1.0 + p0) + vec2(0.2 * sin(time + uv.y * 4.0), -time * 0.8);
    vec2 c = floor(q);
    float e = smoothstep(0.15, 0.0, length(fract(q) - hash22(c))) * step(0.55, hash12(c));
    float flicker = 0.5 + 0.5 * sin(time * 8.0 + hash12(c) * 40.0);
    fragColor = vec4(col + vec3(1.0, 0.5, 0.1) * e * flicker * (1.2 - uv.y) + 0.05 * p1, 1.0);
}
