#version 330 core
// particles/particle_trails: particles with comet tails along curved paths
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.01, 0.01, 0.03);
    for (int i = 0; i < 6; i++) {
        float k = float(i);
        for (int j = 0; j < 8; j++) {
            float t = time * 0.5 - float(j) * 0.04;
            vec2 c = 0.8 * vec2(sin(t * (1.0 + 0.2 * k) + k), sin(t * (1.3 + 0.1 * k) * (1.0 + p0) + k * 2.0));
            col += hsv(k * 0.16 + p1, 0.7, 1.0) * 0.0015 / (dot(p - c, p - c) + 0.0015) * (1.0 - float(j) / 8.0);
        }
    }
    fragColor = vec4(col, 1.0);
}
