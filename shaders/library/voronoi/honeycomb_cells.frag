#version 330 core
// voronoi/honeycomb_cells: regular voronoi (no jitter) on a shifted grid, honeycomb look
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    q.x += 0.5 * mod(floor(q.y), 2.0);
    vec3 v = voronoi(q, 0.15 * p1);
    float wall = smoothstep(0.02, 0.08, v.y - v.x);
    fragColor = vec4(mix(vec3(0.5, 0.3, 0.0), vec3(1.0, 0.75, 0.2) * (0.7 + 0.3 * sin(time * 0.2 + v.z * 6.0)), wall), 1.0);
}
