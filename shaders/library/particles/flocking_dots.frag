#version 330 core
// particles/flocking_dots: many dots moving on noise-driven paths
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = mix(vec3(0.95, 0.93, 0.88), vec3(0.6, 0.7, 0.85), 0.5 + 0.5 * p.y);
    for (int i = 0; i < 20; i++) {
        float k = float(i);
        vec2 c = 1.6 * vec2(vnoise(vec2(k * 3.1, time * 0.3)) - 0.5, vnoise(vec2(k * 5.7 + 40.0, time * 0.3)) - 0.5) * 1.5;
        col = mix(col, hsv(p1 + 0.03 * k, 0.7, 0.3 + 0.03 * k), smoothstep(0.14 + 0.08 * p0, 0.08, length(p - c)));
    }
    fragColor = vec4(col, 1.0);
}
