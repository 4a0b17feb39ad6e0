#version 330 core
// gradients/heat_map: a heat-map palette over a sum of Gaussians
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = 0.0;
    for (int i = 0; i < 4; i++) {
        float k = float(i);
        vec2 c = 0.7 * vec2(sin(k * 2.3 + time * 0.2 + p0 * 6.0), cos(k * 1.3 + time * 0.25));
        v += exp(-dot(p - c, p - c) * (3.0 + 4.0 * p1));
    }
    v = clamp(v * 0.7, 0.0, 1.0);
    fragColor = vec4(clamp(vec3(3.0 * v, 3.0 * v - 1.0, 3.0 * v - 2.0), 0.0, 1.0) + vec3(0.0, 0.0, 0.3 * (1.0 - v)), 1.0);
}
