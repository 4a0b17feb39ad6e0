#version 330 core
// patterns/rotated_tiles: each tile holds a rotated stripe motif
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    float a = floor(hash12(c) * 4.0) * PI * 0.5 + time * 0.1 * (hash12(c + 5.0) - 0.5);
    f = rot(a) * f;
    float v = 0.5 + 0.5 * sin(f.x * 20.0 * (0.5 + p1));
    fragColor = vec4(hsv(hash12(c + 9.0) * 0.3 + p2, 0.6, v), 1.0);
}
