#version 330 core
// waves/cross_waves: crossing wave trains forming diamonds
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float k = 6.0 + 8.0 * p0;
    float a = sin(dot(p, vec2(0.8, 0.6)) * k - time);
    float b = sin(dot(p, vec2(-0.6, 0.8)) * k * (0.8 + 0.4 * p1) + time * 0.8);
    fragColor = vec4(0.5 + 0.5 * vec3(a * b, a, b) * vec3(1.0, 0.6, 0.6), 1.0);
}
