#version 330 core
// polar/sectors_noise: each angular sector filled with its own noise
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float n = 5.0 + floor(7.0 * p0);
    float s = floor(q.x * n);
    float v = vnoise(p * (4.0 + 4.0 * hash11(s)) + s * 17.0 + time * 0.2);
    fragColor = vec4(hsv(hash11(s + 3.0), 0.6, 0.3 + 0.7 * v), 1.0);
}
