#version 330 core
// waves/wave_lines: stacked horizontal lines displaced by a travelling wave
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 8.0 + 10.0 * p0;
    float y = p.y + 0.2 * sin(p.x * 3.0 - time) * exp(-p.x * p.x) + 0.05 * sin(p.x * 9.0 + time * 2.0) * p1;
    float d = abs(fract(y * n * 0.5) - 0.5);
    fragColor = vec4(mix(vec3(0.05), vec3(0.9, 0.95, 1.0), smoothstep(0.15, 0.05, d)) + vec3(0.1, 0.0, 0.1) * (p.y + 1.0), 1.0);
}
