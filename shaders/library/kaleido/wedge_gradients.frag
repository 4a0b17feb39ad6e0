#version 330 core
// kaleido/wedge_gradients: each wedge a different linear gradient
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 6.0 + floor(6.0 * p0);
    float a = atan(p.y, p.x) + PI;
    float i = floor(a / TAU * n);
    vec2 d = vec2(cos(i * 2.3 + time * 0.1), sin(i * 2.3));
    float g = 0.5 + 0.5 * dot(p, d) * 1.5;
    fragColor = vec4(hsv(i / n + p1, 0.6, g), 1.0);
}
