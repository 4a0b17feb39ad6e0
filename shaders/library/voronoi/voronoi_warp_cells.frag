#version 330 core
// voronoi/voronoi_warp_cells: cell ids fed back into a second voronoi lookup
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 a = voronoi(p * (1.5 + p0), 1.0);
    vec3 b = voronoi(p * 4.0 + a.z * 10.0 + time * 0.05, 1.0);
    fragColor = vec4(hsv(a.z * 0.4 + b.z * 0.2 + p1, 0.6, 0.3 + 0.7 * (1.0 - b.x)), 1.0);
}
