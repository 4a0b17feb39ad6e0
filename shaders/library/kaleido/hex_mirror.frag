#version 330 core
// kaleido/hex_mirror: triangular fold giving hexagonal kaleidoscope
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + p0);
    for (int i = 0; i < 3; i++) {
        q = abs(q);
        q -= 2.0 * min(0.0, dot(q, vec2(-0.5, 0.8660254))) * vec2(-0.5, 0.8660254);
        q -= vec2(0.5, 0.0);
    }
    float v = fbm(q * 2.0 + time * 0.05, 4);
    fragColor = vec4(hsv(v + p1, 0.6, 0.4 + 0.6 * v), 1.0);
}
