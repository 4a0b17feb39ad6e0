#version 330 core
// kaleido/kaleido_checker: checkerboard seen through a six-mirror kaleidoscope
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 6.0 + 2.0 * floor(3.0 * p0));
    q = rot(time * 0.2) * q * (3.0 + 2.0 * p1);
    vec2 c = floor(q);
    vec3 col = hsv(mod(c.x + c.y, 3.0) / 3.0 + p2, 0.6, 0.9);
    fragColor = vec4(col * (0.6 + 0.4 * mod(c.x + c.y, 2.0)), 1.0);
}
