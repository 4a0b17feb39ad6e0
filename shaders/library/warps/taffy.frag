#version 330 core
// warps/taffy: nested rotations by noise angle, candy stripes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    for (int i = 0; i < 3; i++) {
        p = rot(2.0 * (vnoise(p * 1.8 + float(i) * 3.1 + 0.04 * time) - 0.5)) * p * 1.15;
    }
    float v = fract((p.x + p.y) * (2.0 + 2.0 * p0));
    vec3 a = hsv(p1, 0.7, 1.0), b = hsv(p1 + 0.5, 0.5, 0.9);
    fragColor = vec4(mix(a, b, smoothstep(0.2, 0.8, v)), 1.0);
}
