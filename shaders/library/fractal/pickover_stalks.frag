#version 330 core
// fractal/pickover_stalks: Pickover biomorph stalks from orbit near the axes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = p * 1.2 + vec2(-0.4, 0.0);
    vec2 z = c;
    float stalk = 1e9;
    for (int i = 0; i < 32; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c + 0.05 * vec2(sin(time * 0.2), p0);
        stalk = min(stalk, min(abs(z.x), abs(z.y)));
        if (dot(z, z) > 100.0) break;
    }
    fragColor = vec4(vec3(0.05 / (stalk + 0.05)) * hsv(p1, 0.5, 1.0), 1.0);
}
