#version 330 core
// glitch/checker_glitch: checkerboard with randomly inverted tiles flickering
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 c = floor(uv * (4.0 + 8.0 * p0));
    float base = mod(c.x + c.y, 2.0);
    float flip = step(0.8, hash12(c + floor(time * 3.0)));
    float v = abs(base - flip);
    fragColor = vec4(mix(hsv(p1, 0.6, 0.2), hsv(p1 + 0.5, 0.4, 0.9), v) * (0.8 + 0.2 * uv.y), 1.0);
}
