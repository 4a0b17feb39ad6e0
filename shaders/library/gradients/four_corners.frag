#version 330 core
// gradients/four_corners: bilinear blend of four random corner colours
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec3 a = hsv(p0, 0.7, 0.9), b = hsv(p0 + 0.3, 0.7, 0.6), c = hsv(p1, 0.6, 0.8), d = hsv(p1 + 0.5, 0.8, 0.3);
    vec2 q = uv + 0.1 * vec2(sin(time * 0.3), cos(time * 0.2));
    fragColor = vec4(mix(mix(a, b, q.x), mix(c, d, q.x), q.y), 1.0);
}
