#version 330 core
// waves/plasma_classic: four-term sine plasma in rainbow colours
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 2.0 + 2.0 * p0;
    float v = sin(p.x + time) + sin(p.y * 0.8 + time * 0.7) + sin(p.x * 0.6 + p.y * 0.8 + time * 1.3) + sin(length(p) - time);
    fragColor = vec4(0.5 + 0.5 * cos(v * PI * 0.5 + vec3(0.0, 2.1, 4.2) + p1 * TAU), 1.0);
}
