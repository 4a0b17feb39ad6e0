#version 330 core
// glitch/xor_texture: the XOR of pixel coordinates, scaled and scrolled
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    ivec2 c = ivec2(gl_FragCoord.xy * (1.0 + 3.0 * p0)) + ivec2(int(time * 10.0), 0);
    int v = (c.x ^ c.y) & 255;
    fragColor = vec4(hsv(float(v) / 256.0 + p1, 0.6, float(v & 63) / 63.0 * 0.7 + 0.3), 1.0);
}
