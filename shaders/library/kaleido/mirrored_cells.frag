#version 330 core
// kaleido/mirrored_cells: voronoi mirrored on x and y with colour per cell
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = abs(p) * (3.0 + 2.0 * p0);
    vec3 v = voronoi(q + time * 0.05, 1.0);
    fragColor = vec4(hsv(v.z + p1, 0.5, 1.0) * (1.0 - v.x), 1.0);
}
