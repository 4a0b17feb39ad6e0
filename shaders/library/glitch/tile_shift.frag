#version 330 core
// glitch/tile_shift: rows and columns of tiles shifted by hashed offsets
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float n = 6.0 + 10.0 * p0;
    vec2 q = uv * n;
    q.x += hash11(floor(q.y)) * 3.0 + time * (hash11(floor(q.y) + 4.0) - 0.5);
    vec2 c = floor(q);
    vec3 col = hsv(hash12(c) * 0.3 + p1, 0.5, 0.4 + 0.6 * fract(q.x));
    fragColor = vec4(col, 1.0);
}
