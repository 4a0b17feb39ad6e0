#version 330 core
// waves/pulse_rings: pulses travelling from the centre, sharp fronts
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p);
    float ph = fract(r * (2.0 + 3.0 * p0) - time * 0.5);
    float front = exp(-ph * (5.0 + 10.0 * p1));
    fragColor = vec4(hsv(0.6 + 0.3 * r + p2, 0.7, front) + 0.05, 1.0);
}
