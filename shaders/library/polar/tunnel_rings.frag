#version 330 core
// polar/tunnel_rings: looking down a tunnel of coloured rings
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float z = 0.4 / (q.y + 0.05) + time * (1.0 + p0);
    float v = fract(z * 0.5);
    vec3 col = hsv(floor(z * 0.5) * 0.13 + p1, 0.7, 1.0) * smoothstep(0.0, 0.1, v) * min(q.y * 2.0, 1.0);
    fragColor = vec4(col, 1.0);
}
