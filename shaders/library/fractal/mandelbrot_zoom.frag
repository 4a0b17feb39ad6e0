#version 330 core
// fractal/mandelbrot_zoom: Mandelbrot set near a seahorse-valley point, smooth iteration colouring
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float zoom = exp(-3.0 * p0 - 0.05 * mod(time, 40.0));
    vec2 c = vec2(-0.745, 0.11) + p * zoom * 1.5;
    vec2 z = vec2(0.0);
    float n = 0.0;
    for (int i = 0; i < 96; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        if (dot(z, z) > 64.0) break;
        n += 1.0;
    }
    float s = n - log2(log2(max(dot(z, z), 1.0001))) + 4.0;
    fragColor = vec4(n > 95.0 ? vec3(0.0) : cpal(s * 0.03 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.1, 0.2)), 1.0);
}
