#version 330 core
// fractal/dragon_fold: folding iterations approximating a dragon-curve texture
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 1.5;
    float m = 0.0;
    for (int i = 0; i < 10; i++) {
        q = rot(PI * 0.25) * q;
        if (q.x < 0.0) { q.x = -q.x; m += 1.0; }
        q = q * 1.4142 - vec2(0.5 + 0.1 * p0, 0.0);
    }
    float v = 0.5 + 0.5 * sin(length(q) * 0.5 + time * 0.2);
    fragColor = vec4(hsv(m / 10.0 + p1, 0.7, v), 1.0);
}
