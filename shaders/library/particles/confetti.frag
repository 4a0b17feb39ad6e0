#version 330 core
// particles/confetti: rotated rectangles of many colours scattered
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.5 + 1.5 * p0) + vec2(0.0, time * 0.3);
    vec2 c = floor(q), f = fract(q) - 0.5 - 0.2 * (hash22(c) - 0.5);
    f = rot(TAU * hash12(c + 1.0) + time) * f;
    float piece = step(max(abs(f.x) - 0.3, abs(f.y) - 0.12), 0.0) * step(0.2, hash12(c + 2.0));
    vec3 back = hsv(p1, 0.3, 0.6 + 0.3 * p.y);
    fragColor = vec4(mix(back, hsv(hash12(c + 3.0), 0.8, 0.95), piece), 1.0);
}
