#version 330 core
// fractal/tricorn: conjugate-squared Mandelbrot (Mandelbar)
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = rot(time * 0.05) * p * 1.4;
    vec2 z = vec2(0.0);
    float n = 0.0;
    for (int i = 0; i < 48; i++) {
        z = vec2(z.x * z.x - z.y * z.y, -2.0 * z.x * z.y) + c;
        if (dot(z, z) > 4.0) break;
        n += 1.0;
    }
    fragColor = vec4(cpal(n / 48.0 + p0, vec3(0.5), vec3(0.5), vec3(1.0, 1.0, 0.5), vec3(0.8, 0.9, 0.3)), 1.0);
}
