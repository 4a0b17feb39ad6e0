#version 330 core
// tunnels/hex_tunnel: tunnel walls tiled with hexagons
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    vec2 w = vec2(q.x * 12.0, 0.5 / (q.y + 0.03) + time * (0.5 + p0));
    vec2 r = vec2(1.0, 1.7320508);
    vec2 a = mod(w, r) - 0.5 * r, b = mod(w - 0.5 * r, r) - 0.5 * r;
    vec2 g = dot(a, a) < dot(b, b) ? a : b;
    vec2 h = abs(g);
    float edge = smoothstep(0.0, 0.08, 0.5 - max(dot(h, 0.5 * r), h.x));
    fragColor = vec4(hsv(p1 + 0.1 * w.y, 0.6, edge) * min(q.y * 2.0, 1.0), 1.0);
}
