#version 330 core
// sdf/capsules: capsule segments scattered in cells
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    float a = TAU * hash12(c) + time * 0.3;
    vec2 dir = 0.3 * vec2(cos(a), sin(a));
    float d = sd_segment(f, -dir, dir) - 0.08;
    fragColor = vec4(mix(hsv(hash12(c + 1.0) + p1, 0.6, 0.95), vec3(0.9, 0.9, 0.85), smoothstep(0.0, 0.03, d)), 1.0);
}
