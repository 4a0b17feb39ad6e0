#version 330 core
// fractal/burning_ship: absolute-value Mandelbrot variant
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = vec2(p.x, -p.y) * (1.0 + p0) + vec2(-0.5, -0.5);
    vec2 z = vec2(0.0);
    float n = 0.0;
    for (int i = 0; i < 64; i++) {
        z = abs(z);
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        if (dot(z, z) > 4.0) break;
        n += 1.0;
    }
    fragColor = vec4(vec3(1.0, 0.5, 0.1) * pow(n / 64.0, 0.5) + 0.02 * sin(time), 1.0);
}
