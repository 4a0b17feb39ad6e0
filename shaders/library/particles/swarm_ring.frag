#version 330 core
// particles/swarm_ring: points swarming around a ring with jitter
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.0);
    for (int i = 0; i < 30; i++) {
        float k = float(i);
        float a = k / 30.0 * TAU + time * 0.3;
        float r = 0.6 + 0.15 * sin(k * 3.7 + time * 2.0) * (0.5 + p0);
        vec2 c = r * vec2(cos(a), sin(a));
        col += hsv(k / 30.0 + p1, 0.5, 1.0) * 0.001 / (dot(p - c, p - c) + 0.001);
    }
    fragColor = vec4(col + vec3(0.05, 0.02, 0.08), 1.0);
}
