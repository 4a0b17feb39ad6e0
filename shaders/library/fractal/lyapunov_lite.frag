#version 330 core
// fractal/lyapunov_lite: Lyapunov exponent of a logistic map with alternating rates
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 r = 2.5 + 1.5 * uv * (0.5 + 0.5 * p0) + vec2(0.5 * p1, 0.0);
    float x = 0.5, l = 0.0;
    for (int i = 0; i < 40; i++) {
        float ri = (i % 2 == 0) ? r.x : r.y;
        x = ri * x * (1.0 - x);
        l += log(abs(ri * (1.0 - 2.0 * x)) + 1e-6);
    }
    l /= 40.0;
    vec3 col = l < 0.0 ? vec3(1.0, 0.85, 0.1) * (-l) * 2.0 : vec3(0.1, 0.2, 0.7) * l * 2.0;
    fragColor = vec4(col + 0.02 * sin(time), 1.0);
}
