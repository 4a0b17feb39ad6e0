#version 330 core
// voronoi/cells_flat: flat-coloured voronoi cells drifting slowly
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.0 + 3.0 * p0) + vec2(time * 0.05, 0.0), 0.9);
    fragColor = vec4(hsv(v.z * 0.5 + p1, 0.6, 0.9), 1.0);
}
