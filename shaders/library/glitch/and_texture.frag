#version 330 core
// glitch/and_texture: bitwise AND patterns of coordinates
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    ivec2 c = ivec2(gl_FragCoord.xy * (1.0 + 2.0 * p0)) + ivec2(0, int(time * 4.0));
    int v = (c.x & c.y) | ((c.x * 3) & (c.y * 5));
    fragColor = vec4(vec3(float(v & 31) / 31.0) * hsv(p1, 0.4, 1.0), 1.0);
}
