#version 330 core
// glitch/bitplanes: bits of a smooth field shown as separate planes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float f = 0.5 + 0.5 * sin(p.x * 3.0 + time * 0.3) * cos(p.y * 2.0 - time * 0.2);
    int v = int(f * 255.0);
    int bit = 3 + int(p0 * 4.0);
    vec3 col = vec3(float((v >> bit) & 1), float((v >> (bit - 1)) & 1), float((v >> (bit - 2)) & 1));
    fragColor = vec4(col * 0.8 + 0.1 * p1, 1.0);
}
