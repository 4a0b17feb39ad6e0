#version 330 core
// glitch/block_glitch: image blocks displaced horizontally at random
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float row = floor(uv.y * (8.0 + 16.0 * p0));
    float t = floor(time * 4.0);
    float shift = (hash12(vec2(row, t)) - 0.5) * 0.4 * step(0.6, hash12(vec2(row, t + 1.0)));
    vec2 q = uv + vec2(shift, 0.0);
    vec3 col = hsv(q.x + 0.3 * q.y + p1, 0.6, 0.5 + 0.5 * sin(q.x * 12.0));
    fragColor = vec4(col, 1.0);
}
