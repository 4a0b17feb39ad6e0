#version 330 core
// voronoi/giraffe: giraffe patches with light borders
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.5 + 2.0 * p0) + time * 0.01, 0.9);
    float patch_ = smoothstep(0.08, 0.16, v.y - v.x);
    vec3 brown = vec3(0.55, 0.3, 0.1) * (0.8 + 0.4 * v.z);
    fragColor = vec4(mix(vec3(0.95, 0.85, 0.6), brown, patch_), 1.0);
}
