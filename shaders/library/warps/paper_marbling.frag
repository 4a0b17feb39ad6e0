#version 330 core
// warps/paper_marbling: combed marbling, stripes dragged by repeated strokes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p;
    for (int i = 0; i < 4; i++) {
        float k = float(i);
        q.x += 0.25 * sin(q.y * (3.0 + k * 2.0) + k + time * 0.1) * (0.5 + p0);
        q.y += 0.15 * cos(q.x * (2.0 + k) - k * 1.7);
    }
    float band = fract(q.x * 2.5 + p1);
    vec3 col = band < 0.33 ? vec3(0.8, 0.2, 0.25) : band < 0.66 ? vec3(0.95, 0.9, 0.75) : vec3(0.15, 0.25, 0.55);
    fragColor = vec4(col, 1.0);
}
