#version 330 core
// polar/angle_ramp: hue from the angle, value from the radius
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p - 0.3 * vec2(p0 - 0.5, p1 - 0.5));
    fragColor = vec4(hsv(q.x + time * 0.05, 0.8, clamp(1.2 - q.y, 0.0, 1.0)), 1.0);
}
