#version 330 core
// voronoi/foam: bubbles as bright cell borders over dark liquid
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (3.0 + 3.0 * p0) + vec2(0.0, time * 0.1), 1.0);
    float edge = 1.0 - smoothstep(0.0, 0.1, v.y - v.x);
    float hi = smoothstep(0.4, 0.0, length(v.x - 0.25));
    fragColor = vec4(vec3(0.05, 0.1, 0.2) + vec3(0.8, 0.9, 1.0) * (edge * 0.8 + hi * 0.2 * p1), 1.0);
}
