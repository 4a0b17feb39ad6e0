#version 330 core
// glitch/pixel_sort: columns of colours sorted into streaks
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float colx = floor(uv.x * (16.0 + 16.0 * p0));
    float cut = hash12(vec2(colx, floor(time)));
    float v = uv.y < cut ? uv.y / max(cut, 1e-3) : fbm(uv * 4.0 + time * 0.05, 3);
    fragColor = vec4(hsv(v * 0.5 + p1 + colx * 0.01, 0.7, 0.3 + 0.7 * v), 1.0);
}
