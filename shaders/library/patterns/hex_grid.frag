#version 330 core
// patterns/hex_grid: hexagonal cells with per-cell colour and dark borders
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 r = vec2(1.0, 1.7320508);
    vec2 a = mod(q, r) - 0.5 * r, b = mod(q - 0.5 * r, r) - 0.5 * r;
    vec2 g = dot(a, a) < dot(b, b) ? a : b;
    vec2 id = q - g;
    vec2 h = abs(g);
    float edge = 0.5 - max(dot(h, 0.5 * r), h.x);
    vec3 col = hsv(hash12(floor(id * 2.0)) + p1 + time * 0.01, 0.5, 0.9) * smoothstep(0.0, 0.06, edge);
    fragColor = vec4(col, 1.0);
}
