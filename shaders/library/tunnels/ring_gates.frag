#version 330 core
// tunnels/ring_gates: flying through a series of glowing rings
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.0);
    for (int i = 0; i < 6; i++) {
        float z = fract(float(i) / 6.0 - time * (0.1 + 0.1 * p0)) * 6.0 + 0.3;
        vec2 c = 0.3 * vec2(sin(float(i) * 1.7 + time * 0.3), cos(float(i) * 2.3));
        float r = length(p - c / z) * z;
        col += hsv(float(i) * 0.15 + p1, 0.7, 1.0) * 0.03 / (abs(r - 1.0) + 0.03) / z;
    }
    fragColor = vec4(col, 1.0);
}
