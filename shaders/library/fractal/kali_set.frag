#version 330 core
// fractal/kali_set: Kali's abs-inversion fractal
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (0.5 + 0.5 * p0) + vec2(0.3, 0.2);
    float acc = 0.0;
    for (int i = 0; i < 14; i++) {
        q = abs(q) / dot(q, q) - vec2(0.9 + 0.1 * sin(time * 0.1), 0.6 + 0.2 * p1);
        acc += exp(-3.0 * abs(q.x * q.y));
    }
    fragColor = vec4(cpal(acc * 0.08, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.3, 0.2, 0.2)), 1.0);
}
