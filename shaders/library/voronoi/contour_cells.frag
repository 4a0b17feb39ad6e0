#version 330 core
// voronoi/contour_cells: contour lines of the cell distance field
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.0 + 2.0 * p0), 1.0);
    float lines = abs(fract(v.x * (6.0 + 6.0 * p1) - time * 0.3) - 0.5);
    fragColor = vec4(mix(vec3(0.05, 0.05, 0.1), hsv(v.z, 0.5, 1.0), smoothstep(0.2, 0.4, lines)), 1.0);
}
