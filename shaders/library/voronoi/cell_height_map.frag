#version 330 core
// voronoi/cell_height_map: cells as plateaus of different heights, lit from the side
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.5 + 2.0 * p0);
    vec3 v = voronoi(q, 0.9);
    vec3 vx = voronoi(q + vec2(0.05, 0.0), 0.9);
    float slope = (vx.z - v.z) * 3.0;
    fragColor = vec4(hsv(0.3 + 0.2 * p1, 0.3, 0.3 + 0.5 * v.z + clamp(slope, -0.3, 0.3) + 0.05 * sin(time)), 1.0);
}
