#version 330 core
// polar/polar_checker: checkerboard in angle and radius
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float a = floor(q.x * (8.0 + floor(12.0 * p0)) + time * 0.2);
    float b = floor(q.y * (4.0 + 4.0 * p1) - time * 0.3);
    float v = mod(a + b, 2.0);
    fragColor = vec4(mix(vec3(0.1), vec3(0.9, 0.9, 0.8), v) * (1.2 - q.y * 0.5), 1.0);
}
