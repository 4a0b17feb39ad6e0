#version 330 core
// fractal/mandelbrot_distance: exterior distance estimate of the Mandelbrot set
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = p * (0.4 + p0) + vec2(-0.75 + 0.2 * sin(time * 0.05), 0.1);
    vec2 z = vec2(0.0), dz = vec2(0.0);
    for (int i = 0; i < 64; i++) {
        dz = 2.0 * vec2(z.x * dz.x - z.y * dz.y, z.x * dz.y + z.y * dz.x) + vec2(1.0, 0.0);
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        if (dot(z, z) > 1024.0) break;
    }
    float d = 0.5 * sqrt(dot(z, z) / max(dot(dz, dz), 1e-12)) * log(max(dot(z, z), 1.0001));
    fragColor = vec4(vec3(pow(clamp(d * 40.0, 0.0, 1.0), 0.25)) * hsv(p1, 0.3, 1.0), 1.0);
}
