#version 330 core
// polar/polar_grid_glow: glowing polar grid lines
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float rings = abs(fract(q.y * (3.0 + 3.0 * p0) - time * 0.2) - 0.5);
    float spokes = abs(fract(q.x * (8.0 + floor(8.0 * p1))) - 0.5) * q.y * 4.0;
    float g = 0.03 / (min(rings, spokes) + 0.03);
    fragColor = vec4(vec3(0.9, 0.3, 1.0) * g * 0.6, 1.0);
}
