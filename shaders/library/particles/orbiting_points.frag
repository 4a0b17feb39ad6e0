#version 330 core
// particles/orbiting_points: points on orbits of different radius and speed
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.02, 0.02, 0.06);
    for (int i = 0; i < 8; i++) {
        float k = float(i);
        float r = 0.15 + 0.1 * k;
        float a = time * (1.5 / (k + 1.0)) * (0.5 + p0) + k * 2.0;
        vec2 c = r * vec2(cos(a), sin(a));
        col += hsv(k * 0.12 + p1, 0.6, 1.0) * 0.003 / (dot(p - c, p - c) + 0.003);
        col += vec3(0.08) * smoothstep(0.01, 0.0, abs(length(p) - r));
    }
    fragColor = vec4(col, 1.0);
}
