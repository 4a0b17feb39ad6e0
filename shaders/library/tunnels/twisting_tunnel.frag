#version 330 core
// tunnels/twisting_tunnel: tunnel texture twisting with depth
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float z = 0.5 / (q.y + 0.03) + time;
    float a = q.x + z * 0.1 * (1.0 + 3.0 * p0);
    float v = 0.5 + 0.5 * sin(a * TAU * 6.0) * sin(z * 3.0);
    fragColor = vec4(hsv(z * 0.05 + p1, 0.7, v) * min(q.y * 2.0, 1.0), 1.0);
}
