#version 330 core
// tunnels/warp_speed: radial light streaks rushing outward
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float a = floor(q.x * (60.0 + 60.0 * p2));
    float speed = 0.5 + hash11(a);
    float streak = fract(hash11(a + 7.0) + time * speed * (0.3 + p0) - q.y * 0.5);
    float v = smoothstep(0.6, 1.0, streak) * q.y;
    vec3 glow = hsv(p1 + 0.1 * q.y, 0.6, 1.0) * exp(-2.0 * q.y) * 0.6;
    fragColor = vec4(mix(vec3(0.6, 0.8, 1.0), hsv(p1, 0.5, 1.0), 0.5) * v * 2.0 + glow, 1.0);
}
