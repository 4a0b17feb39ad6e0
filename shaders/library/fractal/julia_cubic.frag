#version 330 core
// fractal/julia_cubic: Julia set of z^3 + c
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 z = p * 1.2;
    vec2 c = vec2(0.4 * cos(time * 0.07 + p0 * 6.0), 0.55 * sin(time * 0.05));
    float n = 0.0;
    for (int i = 0; i < 40; i++) {
        z = vec2(z.x * z.x * z.x - 3.0 * z.x * z.y * z.y, 3.0 * z.x * z.x * z.y - z.y * z.y * z.y) + c;
        if (dot(z, z) > 16.0) break;
        n += 1.0;
    }
    fragColor = vec4(cpal(n / 40.0 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.1, 0.2)) * step(0.5, 40.0 - n), 1.0);
}
