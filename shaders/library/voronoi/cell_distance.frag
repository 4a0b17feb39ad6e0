#version 330 core
// voronoi/cell_distance: distance to the nearest feature point, grey
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.0 + 4.0 * p0) + time * 0.05, 1.0);
    fragColor = vec4(vec3(1.0 - v.x * (1.0 + p1)), 1.0);
}
