#version 330 core
// patterns/stripes_gradient: diagonal stripes whose colours drift along a gradient
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = rot(p0 * PI) * p;
    float s = floor(q.x * (4.0 + 8.0 * p1) - time * 0.2);
    fragColor = vec4(hsv(s * 0.05 + q.y * 0.2 + p2, 0.6, 0.5 + 0.4 * mod(s, 2.0)), 1.0);
}
