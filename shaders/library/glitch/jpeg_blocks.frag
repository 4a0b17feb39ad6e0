#version 330 core
// glitch/jpeg_blocks: blocky 8x8-style compression artefacts over a gradient
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float bs = 0.15 + 0.15 * p0;
    vec2 b = floor(p / bs) * bs;
    vec2 f = (p - b) / bs;
    float base = 0.5 + 0.5 * sin(b.x * 3.0 + time * 0.2) * cos(b.y * 2.0);
    float ring = 0.1 * cos(f.x * PI * floor(1.0 + 3.0 * hash12(b * 10.0))) * cos(f.y * PI * 2.0);
    fragColor = vec4(hsv(p1 + 0.2 * base, 0.5, base + ring), 1.0);
}
