#version 330 core
// glitch/dither_bayer: smooth noise dithered to four levels with a 4x4 Bayer matrix
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    ivec2 c = ivec2(gl_FragCoord.xy) & 3;
    int idx = c.x + 4 * c.y;
    int b[16] = int[16](0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5);
    float threshold = (float(b[idx]) + 0.5) / 16.0;
    float v = smoothstep(0.3, 0.7, fbm(uv * (2.0 + 2.0 * p0) + time * 0.05, 4));
    float level = floor(v * 3.0 + threshold) / 3.0;
    fragColor = vec4(hsv(p1 + 0.2 * level, 0.5, 0.1 + 0.9 * level), 1.0);
}
