#version 330 core
// fractal/orbit_trap_circle: Mandelbrot orbit distance to a moving circle
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = p * 1.2 + vec2(-0.5, 0.0);
    vec2 z = vec2(0.0);
    vec2 centre = 0.5 * vec2(cos(time * 0.2), sin(time * 0.2)) * p0;
    float trap = 1e9;
    for (int i = 0; i < 40; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        trap = min(trap, abs(length(z - centre) - 0.4));
        if (dot(z, z) > 16.0) break;
    }
    fragColor = vec4(hsv(trap * 2.0 + p1, 0.7, exp(-3.0 * trap)), 1.0);
}
