#version 330 core
// fractal/mandelbrot_whole: the whole Mandelbrot set, banded escape times
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = p * (1.2 + 0.3 * p0) + vec2(-0.6, 0.0);
    vec2 z = vec2(0.0);
    float n = 0.0;
    for (int i = 0; i < 48; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        if (dot(z, z) > 4.0) break;
        n += 1.0;
    }
    fragColor = vec4(hsv(n / 48.0 * 3.0 + p1 + time * 0.02, 0.8, n < 47.5 ? 1.0 : 0.0), 1.0);
}
