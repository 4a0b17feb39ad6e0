#version 330 core
// tunnels/square_tunnel: flying down a square tunnel with checker walls
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = max(abs(p.x), abs(p.y));
    float z = 0.5 / (r + 0.02) + time * (1.0 + p0);
    float a = atan(p.y, p.x) / TAU;
    float v = mod(floor(z * 2.0) + floor(a * 16.0), 2.0);
    fragColor = vec4(mix(hsv(p1, 0.6, 0.9), vec3(0.1), v) * min(r * 2.5, 1.0), 1.0);
}
