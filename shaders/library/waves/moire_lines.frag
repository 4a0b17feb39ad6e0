#version 330 core
// waves/moire_lines: two line gratings at a small angle
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float k = 20.0 + 20.0 * p0;
    float a = step(0.5, fract(p.x * k * 0.5));
    vec2 q = rot(0.05 + 0.1 * p1 + 0.02 * sin(time * 0.3)) * p;
    float b = step(0.5, fract(q.x * k * 0.5));
    fragColor = vec4(vec3(a * b) * 0.8 + vec3(0.1, 0.1, 0.2) * (1.0 - a) + 0.1 * p.y, 1.0);
}
