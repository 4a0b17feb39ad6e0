#version 330 core
// fractal/multibrot: z^d + c for a fractional power d
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = 3.0 + 3.0 * p0 + 0.3 * sin(time * 0.1);
    vec2 c = p * 1.3;
    vec2 z = vec2(0.0);
    float n = 0.0;
    for (int i = 0; i < 40; i++) {
        float r = pow(length(z), d);
        float a = atan(z.y, z.x) * d;
        z = r * vec2(cos(a), sin(a)) + c;
        if (dot(z, z) > 4.0) break;
        n += 1.0;
    }
    fragColor = vec4(hsv(0.6 + n / 80.0 + p1, 0.6, n / 40.0), 1.0);
}
