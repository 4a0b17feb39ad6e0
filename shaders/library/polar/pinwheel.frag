#version 330 core
// polar/pinwheel: coloured sectors rotating around the centre
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(rot(time * 0.3) * p);
    float n = 3.0 + floor(8.0 * p0);
    float s = floor(q.x * n);
    fragColor = vec4(hsv(s / n + p1, 0.7, 0.5 + 0.5 * step(0.5, fract(q.x * n))), 1.0);
}
