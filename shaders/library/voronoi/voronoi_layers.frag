#version 330 core
// voronoi/voronoi_layers: two cell scales multiplied
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 a = voronoi(p * (2.0 + p0) + time * 0.03, 1.0);
    vec3 b = voronoi(p * (6.0 + 3.0 * p1) - time * 0.05, 1.0);
    float v = (1.0 - a.x) * (0.5 + b.x);
    fragColor = vec4(cpal(v, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.2, 0.4) + p2), 1.0);
}
