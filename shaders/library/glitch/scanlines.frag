#version 330 core
// glitch/scanlines: a gradient image with CRT scanlines and shifted channels
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float line = 0.7 + 0.3 * sin(gl_FragCoord.y * PI * (0.5 + p0));
    vec3 col;
    for (int i = 0; i < 3; i++) {
        vec2 q = uv + vec2(0.01 * float(i - 1) * (1.0 + 3.0 * p1), 0.0);
        col[i] = 0.5 + 0.5 * sin(q.x * 8.0 + q.y * 5.0 + time + float(i));
    }
    fragColor = vec4(col * line, 1.0);
}
