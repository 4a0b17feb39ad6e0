#version 330 core
// waves/heartbeat: an ECG-like trace scrolling across a grid
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float x = fract(uv.x * (1.0 + p0) + time * 0.2);
    float beat = exp(-pow((x - 0.5) * 40.0, 2.0)) * 0.35 - exp(-pow((x - 0.53) * 30.0, 2.0)) * 0.15 + 0.05 * sin(x * 20.0);
    float d = abs(uv.y - 0.45 - beat);
    vec3 col = vec3(1.0, 0.2, 0.3) * 0.01 / (d + 0.01);
    vec2 g = abs(fract(uv * 8.0) - 0.5);
    col += vec3(0.1, 0.0, 0.0) * step(0.45, max(g.x, g.y)) + vec3(0.03) * p1;
    fragColor = vec4(col, 1.0);
}
