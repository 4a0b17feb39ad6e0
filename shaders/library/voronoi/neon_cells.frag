#version 330 core
// voronoi/neon_cells: glowing cell borders in changing colours
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.0 + 2.0 * p0) + vec2(sin(time * 0.2), cos(time * 0.15)), 1.0);
    float glow = 0.03 / (v.y - v.x + 0.03);
    fragColor = vec4(hsv(v.z + p1, 0.8, 1.0) * glow * 0.5, 1.0);
}
