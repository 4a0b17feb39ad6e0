#version 330 core
// fractal/fractal_flame_lite: a few nonlinear maps iterated on the pixel, log density look
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 1.5;
    float acc = 0.0;
    for (int i = 0; i < 12; i++) {
        float r = length(q);
        q = vec2(sin(q.x * (1.5 + p0)) / (r + 0.3), cos(q.y * 1.7 + time * 0.1)) + 0.3 * q.yx;
        acc += exp(-4.0 * abs(r - 0.8));
    }
    fragColor = vec4(cpal(log(1.0 + acc) * 0.7 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.15, 0.3)), 1.0);
}
