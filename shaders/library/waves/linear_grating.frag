#version 330 core
// waves/linear_grating: sinusoidal grating with random orientation and phase drift
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 d = vec2(cos(p0 * PI), sin(p0 * PI));
    float v = 0.5 + 0.5 * sin(dot(p, d) * (5.0 + 15.0 * p1) + time);
    fragColor = vec4(mix(hsv(p2, 0.6, 0.2), hsv(p2 + 0.3, 0.5, 1.0), v), 1.0);
}
