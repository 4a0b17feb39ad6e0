#version 330 core
// particles/sand_grains: dense grains with shadows on a lit ground
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (12.0 + 8.0 * p0);
    vec3 v = voronoi(q + time * 0.01, 1.0);
    float grain = smoothstep(0.45, 0.2, v.x);
    vec3 col = vec3(0.85, 0.7, 0.45) * (0.6 + 0.4 * v.z) * (0.5 + 0.5 * grain);
    fragColor = vec4(col * (0.8 + 0.3 * p1), 1.0);
}
