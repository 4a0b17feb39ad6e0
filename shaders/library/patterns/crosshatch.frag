#version 330 core
// patterns/crosshatch: hatching lines whose density follows brightness
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float tone = fbm(p * 1.5 + time * 0.03, 4);
    float l1 = abs(fract((p.x + p.y) * (6.0 + 4.0 * p0)) - 0.5);
    float l2 = abs(fract((p.x - p.y) * (6.0 + 4.0 * p0)) - 0.5);
    float ink = smoothstep(0.1, 0.0, l1) * step(tone, 0.55) + smoothstep(0.1, 0.0, l2) * step(tone, 0.42);
    fragColor = vec4(mix(vec3(0.95, 0.92, 0.85) * (0.8 + 0.2 * tone), vec3(0.15, 0.1, 0.2), clamp(ink, 0.0, 1.0)), 1.0);
}
