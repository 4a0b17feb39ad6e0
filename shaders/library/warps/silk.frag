#version 330 core
// warps/silk: sine-warped domain rendered as soft folded cloth
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    for (int i = 1; i < 6; i++) {
        float k = float(i);
        p += 0.35 / k * sin(k * p.yx * (1.5 + p0) + time * 0.4 + vec2(0.0, 1.7 * k));
    }
    float v = 0.5 + 0.5 * sin(3.0 * p.x + 2.0 * p.y);
    fragColor = vec4(vec3(0.9, 0.8, 0.7) * v + vec3(0.1, 0.05, 0.2) * (1.0 - v), 1.0);
}
