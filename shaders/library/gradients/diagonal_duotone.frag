#version 330 core
// gradients/diagonal_duotone: diagonal blend of two colours with a soft wave
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float t = 0.5 + 0.35 * (p.x + p.y) + 0.1 * sin(p.x * 3.0 - time);
    fragColor = vec4(mix(hsv(p0, 0.8, 0.3), hsv(p1, 0.5, 1.0), clamp(t, 0.0, 1.0)), 1.0);
}
