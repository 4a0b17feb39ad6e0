#version 330 core
// warps/wood: rings of a log distorted by noise, with grain
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p = rot(p0 * TAU) * p;
    vec2 q = p * vec2(1.0, 0.35) + vec2(0.0, 0.3 * vnoise(p * 4.0 + time * 0.05));
    float r = length(q + vec2(0.6 * p1, 0.0)) * (8.0 + 6.0 * p2) + 2.0 * fbm(p * 3.0, 4);
    float ring = smoothstep(0.0, 0.6, abs(fract(r) - 0.5) * 2.0);
    float grain = vnoise(vec2(p.x * 40.0, p.y * 3.0));
    vec3 col = mix(vec3(0.35, 0.18, 0.07), vec3(0.75, 0.5, 0.27), ring) * (0.85 + 0.3 * grain);
    fragColor = vec4(col, 1.0);
}
