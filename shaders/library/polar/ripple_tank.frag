#version 330 core
// polar/ripple_tank: interfering circular waves from two sources
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 a = vec2(-0.4 - 0.3 * p0, 0.0), b = vec2(0.4 + 0.3 * p1, 0.1);
    float k = 12.0 + 10.0 * p2;
    float v = sin(length(p - a) * k - time * 2.0) + sin(length(p - b) * k - time * 2.0);
    fragColor = vec4(vec3(0.5 + 0.25 * v) * vec3(0.7, 0.85, 1.0), 1.0);
}
