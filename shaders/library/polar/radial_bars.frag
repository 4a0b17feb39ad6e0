#version 330 core
// polar/radial_bars: bar chart arranged around a circle
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float n = 12.0 + floor(24.0 * p0);
    float i = floor(q.x * n);
    float h = 0.3 + 0.6 * vnoise(vec2(i * 0.7, time * 0.8));
    float bar = step(q.y, h) * step(0.2, q.y) * step(0.15, fract(q.x * n));
    fragColor = vec4(hsv(i / n + p1, 0.7, 1.0) * bar, 1.0);
}
