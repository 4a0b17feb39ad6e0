#version 330 core
// voronoi/cell_gradient_fill: each cell filled with a gradient towards its centre
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.5 + 2.0 * p0), 1.0);
    fragColor = vec4(hsv(v.z * 0.3 + p1 + time * 0.01, 0.7, 0.3 + 0.7 * smoothstep(0.8, 0.0, v.x)), 1.0);
}
