#version 330 core
// fractal/spiral_ifs: rotating-scaling copies stacked into a spiral fractal
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p;
    float v = 0.0, s = 1.0;
    for (int i = 0; i < 10; i++) {
        q = rot(0.5 + 0.2 * p0 + time * 0.02) * q * 1.25 + vec2(0.15, 0.0);
        s *= 0.8;
        v += s * smoothstep(0.2, 0.0, abs(length(q) - 0.7));
    }
    fragColor = vec4(hsv(v * 0.5 + p1, 0.6, clamp(v, 0.0, 1.0)), 1.0);
}
