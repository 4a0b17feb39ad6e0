#version 330 core
// waves/wavefront_grid: a square grid rippled by a wave from the corner
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = vec2(-1.0, -1.0);
    float r = length(p - c);
    vec2 q = p + normalize(p - c + 1e-4) * 0.1 * sin(r * (8.0 + 8.0 * p0) - time * 2.0);
    vec2 g = abs(fract(q * (3.0 + 2.0 * p1)) - 0.5);
    float line = smoothstep(0.4, 0.48, max(g.x, g.y));
    fragColor = vec4(mix(vec3(0.1, 0.15, 0.3), vec3(0.9, 0.9, 0.6), line) + 0.1 * sin(r * 3.0), 1.0);
}
