#version 330 core
// polar/target: concentric rings with alternating colours, pulsing
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2, p3;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p - 0.3 * vec2(p0 - 0.5, p1 - 0.5));
    float k = floor(r * (5.0 + 5.0 * p2) - time * 0.5);
    vec3 ink = hsv(k * 0.07 + p3, 0.8, 0.9);
    fragColor = vec4((mod(k, 2.0) > 0.5 ? ink : vec3(0.95)) * (1.1 - 0.4 * r), 1.0);
}
