#version 330 core
// patterns/chevrons: zigzag chevron stripes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    float y = q.y + abs(fract(q.x) - 0.5) * (1.0 + p1) - time * 0.2;
    float band = floor(y * 3.0);
    fragColor = vec4(hsv(band * 0.13 + p2, 0.65, 0.9 - 0.2 * mod(band, 2.0)), 1.0);
}
