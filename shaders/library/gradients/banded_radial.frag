#version 330 core
// gradients/banded_radial: radial gradient quantised into coloured bands
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2, p3;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p - 0.4 * vec2(p0 - 0.5, p1 - 0.5));
    float n = 4.0 + floor(8.0 * p2);
    float b = floor(r * n + time * 0.2) / n;
    fragColor = vec4(hsv(b * 0.7 + p3, 0.6, 1.0 - 0.5 * b), 1.0);
}
