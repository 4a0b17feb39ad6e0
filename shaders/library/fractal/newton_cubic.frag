#version 330 core
// fractal/newton_cubic: basins of Newton's method for z^3 - 1
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 z = rot(p0 * TAU) * p * (1.5 + p1);
    float n = 0.0;
    for (int i = 0; i < 24; i++) {
        vec2 z2 = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y);
        vec2 z3 = vec2(z2.x * z.x - z2.y * z.y, z2.x * z.y + z2.y * z.x);
        vec2 f = z3 - vec2(1.0, 0.0);
        vec2 d = 3.0 * z2;
        z -= (1.0 + 0.3 * sin(time * 0.2)) * vec2(f.x * d.x + f.y * d.y, f.y * d.x - f.x * d.y) / max(dot(d, d), 1e-6);
        n += 1.0;
        if (length(f) < 1e-3) break;
    }
    float root = atan(z.y, z.x) / TAU + 0.5;
    fragColor = vec4(hsv(root, 0.7, 1.0 - n / 30.0), 1.0);
}
