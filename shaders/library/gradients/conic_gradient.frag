#version 330 core
// gradients/conic_gradient: conic sweep of colours around a moving centre
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = 0.5 * vec2(sin(time * 0.2 + p0 * 6.0), cos(time * 0.15));
    float a = atan(p.y - c.y, p.x - c.x) / TAU + 0.5;
    fragColor = vec4(cpal(a * (1.0 + floor(3.0 * p1)), vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67) + p2), 1.0);
}
