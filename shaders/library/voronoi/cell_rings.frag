#version 330 core
// voronoi/cell_rings: concentric rings around every feature point
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.0 + 2.0 * p0), 1.0);
    float r = 0.5 + 0.5 * sin(v.x * (20.0 + 20.0 * p1) - time * 2.0);
    fragColor = vec4(hsv(v.z + p2, 0.5, r), 1.0);
}
