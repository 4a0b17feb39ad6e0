#version 330 core
// glitch/posterized_noise: noise quantised to few levels with hard bands
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float levels = 3.0 + floor(5.0 * p0);
    float v = floor(fbm(p * 2.0 + time * 0.05, 5) * levels) / levels;
    fragColor = vec4(hsv(v + p1, 0.7, 0.3 + 0.7 * v), 1.0);
}
