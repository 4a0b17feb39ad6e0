#version 330 core
// waves/lissajous: a Lissajous curve approximated by distance to samples
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = 1.0 + floor(4.0 * p0), b = 2.0 + floor(4.0 * p1);
    float d = 1e9;
    for (int i = 0; i < 64; i++) {
        float t = float(i) / 64.0 * TAU;
        vec2 c = 0.8 * vec2(sin(a * t + time * 0.3), sin(b * t));
        d = min(d, length(p - c));
    }
    fragColor = vec4(hsv(p2, 0.6, 1.0) * 0.03 / (d + 0.03), 1.0);
}
