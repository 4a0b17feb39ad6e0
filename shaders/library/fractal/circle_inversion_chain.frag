#version 330 core
// fractal/circle_inversion_chain: repeated inversion in three circles
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.2 + 0.3 * p0);
    float n = 0.0;
    for (int i = 0; i < 16; i++) {
        bool moved = false;
        for (int k = 0; k < 3; k++) {
            float a = float(k) * TAU / 3.0 + time * 0.05;
            vec2 c = 0.9 * vec2(cos(a), sin(a));
            vec2 d = q - c;
            float r2 = 0.55 + 0.1 * p1;
            if (dot(d, d) < r2) { q = c + d * r2 / dot(d, d); n += 1.0; moved = true; }
        }
        if (!moved) break;
    }
    fragColor = vec4(hsv(n * 0.07 + p2, 0.6, 0.3 + 0.7 * fract(n * 0.5)), 1.0);
}
