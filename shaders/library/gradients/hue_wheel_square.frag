#version 330 core
// gradients/hue_wheel_square: hue along x, saturation along y, drifting
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    fragColor = vec4(hsv(uv.x * (0.5 + p0) + time * 0.03, uv.y, 0.5 + 0.5 * p1 + 0.3 * (1.0 - uv.y)), 1.0);
}
