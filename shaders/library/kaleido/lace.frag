#version 330 core
// kaleido/lace: folded thin lines of a sine lattice, white on dark
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 8.0 + floor(8.0 * p0));
    float v = abs(sin(q.x * 12.0) * sin(q.y * 12.0 + time * 0.3));
    float line = smoothstep(0.15, 0.0, v) * step(length(p), 0.95);
    fragColor = vec4(vec3(0.95, 0.9, 0.85) * line + vec3(0.2, 0.05, 0.1) * (1.0 - line), 1.0);
}
