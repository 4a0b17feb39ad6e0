#version 330 core
// voronoi/manhattan_cells: cells measured in the L1 metric, diamond-shaped
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 3.0 * p0) + time * 0.05;
    vec2 i = floor(q), f = fract(q);
    float d1 = 9.0, id = 0.0;
    for (int y = -1; y <= 1; y++) for (int x = -1; x <= 1; x++) {
        vec2 g = vec2(float(x), float(y));
        vec2 o = hash22(i + g);
        vec2 r = g + o - f;
        float d = abs(r.x) + abs(r.y);
        if (d < d1) { d1 = d; id = hash12(i + g + 3.0); }
    }
    fragColor = vec4(hsv(id + p1, 0.6, 1.0 - 0.6 * d1), 1.0);
}
