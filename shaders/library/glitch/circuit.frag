#version 330 core
// glitch/circuit: circuit-board traces on a grid of cells
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    vec2 c = floor(q), f = fract(q);
    float h = hash12(c);
    float trace = h < 0.33 ? smoothstep(0.08, 0.04, abs(f.y - 0.5)) : h < 0.66 ? smoothstep(0.08, 0.04, abs(f.x - 0.5)) : smoothstep(0.08, 0.04, abs(f.x - f.y));
    float pad = smoothstep(0.18, 0.12, length(f - 0.5)) * step(0.8, hash12(c + 3.0));
    float pulse = 0.5 + 0.5 * sin(time * 3.0 - (c.x + c.y) * 0.5);
    vec3 col = vec3(0.0, 0.25, 0.1) + vec3(0.8, 0.7, 0.3) * max(trace, pad) * (0.6 + 0.4 * pulse) + 0.05 * p1;
    fragColor = vec4(col, 1.0);
}
