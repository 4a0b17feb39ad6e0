#version 330 core
// tunnels/tunnel_lights: tunnel with periodic light rings and dark walls
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float z = 0.4 / (q.y + 0.02) + time * (1.0 + p0);
    float light = exp(-8.0 * abs(fract(z * 0.3) - 0.5));
    float panel = step(0.1, fract(q.x * 10.0)) * (0.3 + 0.2 * hash11(floor(z)));
    fragColor = vec4((vec3(panel) * 0.3 + hsv(p1, 0.6, 1.0) * light) * min(q.y * 3.0, 1.0), 1.0);
}
