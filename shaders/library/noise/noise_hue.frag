#version 330 core
// noise/noise_hue: hue from one noise, brightness from another
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float h = fbm(p * (1.0 + p0) + 0.04 * time, 4);
    float v = fbm(p * 3.0 + 7.0, 4);
    fragColor = vec4(hsv(h * 2.0 + p1, 0.8, 0.3 + 0.9 * v), 1.0);
}
