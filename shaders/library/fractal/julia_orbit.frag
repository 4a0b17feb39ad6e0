#version 330 core
// fractal/julia_orbit: Julia set whose constant circles the main cardioid
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = time * 0.1 + p0 * TAU;
    vec2 c = 0.7885 * vec2(cos(a), sin(a));
    vec2 z = p * 1.3;
    float n = 0.0;
    for (int i = 0; i < 64; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        if (dot(z, z) > 16.0) break;
        n += 1.0;
    }
    fragColor = vec4(vec3(sqrt(n / 64.0)) * vec3(0.8, 0.9, 1.0), 1.0);
}
