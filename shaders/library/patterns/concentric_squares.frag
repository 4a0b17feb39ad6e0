#version 330 core
// patterns/concentric_squares: nested squares with shifting colours
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2, p3;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p - 0.3 * vec2(p0 - 0.5, p1 - 0.5);
    float d = max(abs(q.x), abs(q.y));
    float k = floor(d * (6.0 + 6.0 * p2) - time * 0.4);
    fragColor = vec4(cpal(k * 0.1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67) + p3), 1.0);
}
