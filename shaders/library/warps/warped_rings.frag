#version 330 core
// warps/warped_rings: concentric rings displaced by two noise octaves
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p) + 0.3 * (fbm(p * 2.0 + 0.1 * time, 2) - 0.5) * (1.0 + 2.0 * p0);
    float v = 0.5 + 0.5 * sin(r * (12.0 + 8.0 * p1) - time);
    fragColor = vec4(mix(vec3(0.05, 0.1, 0.2), vec3(0.9, 0.8, 0.6), v), 1.0);
}
