#version 330 core
// voronoi/cells_animated: feature points orbiting inside their cells
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.5 + 2.5 * p0);
    vec2 i = floor(q), f = fract(q);
    float d1 = 9.0, id = 0.0;
    for (int y = -1; y <= 1; y++) for (int x = -1; x <= 1; x++) {
        vec2 g = vec2(float(x), float(y));
        vec2 o = 0.5 + 0.4 * sin(time + TAU * hash22(i + g));
        float d = length(g + o - f);
        if (d < d1) { d1 = d; id = hash12(i + g); }
    }
    fragColor = vec4(hsv(id + p1, 0.5, 0.2 + 0.8 * smoothstep(0.9, 0.1, d1)), 1.0);
}
