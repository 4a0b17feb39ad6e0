#version 330 core
// voronoi/chebyshev_cells: cells in the max metric, square-ish crystals
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 3.0 * p0);
    vec2 i = floor(q), f = fract(q);
    float d1 = 9.0, d2 = 9.0;
    for (int y = -1; y <= 1; y++) for (int x = -1; x <= 1; x++) {
        vec2 g = vec2(float(x), float(y));
        vec2 o = 0.5 + 0.5 * sin(time * 0.3 + TAU * hash22(i + g));
        vec2 r = abs(g + o - f);
        float d = max(r.x, r.y);
        if (d < d1) { d2 = d1; d1 = d; } else if (d < d2) d2 = d;
    }
    fragColor = vec4(vec3(smoothstep(0.0, 0.3, d2 - d1)) * hsv(p1, 0.5, 1.0), 1.0);
}
