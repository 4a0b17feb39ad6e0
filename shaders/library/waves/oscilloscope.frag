#version 330 core
// waves/oscilloscope: glowing traces of several sine signals
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.0, 0.04, 0.02);
    for (int i = 0; i < 3; i++) {
        float k = float(i);
        float y = 0.4 * sin(p.x * (3.0 + 2.0 * k + 3.0 * p0) + time * (1.0 + k) + p1 * 6.0) * cos(p.x * 1.3 * k);
        col += vec3(0.2, 1.0, 0.4) * 0.015 / (abs(p.y - y) + 0.01);
    }
    vec2 g = abs(fract(p * 2.0) - 0.5);
    col += 0.06 * step(0.47, max(g.x, g.y));
    fragColor = vec4(col, 1.0);
}
