#version 330 core
// voronoi/stone_wall: irregular stones with mortar and texture
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * vec2(2.5, 3.5) * (1.0 + 0.5 * p0);
    vec3 v = voronoi(q, 0.7);
    float mortar = smoothstep(0.05, 0.12, v.y - v.x);
    vec3 stone = vec3(0.55, 0.5, 0.45) * (0.7 + 0.5 * v.z) * (0.8 + 0.2 * fbm(q * 3.0, 3));
    fragColor = vec4(mix(vec3(0.75, 0.72, 0.65), stone, mortar) + 0.02 * sin(time), 1.0);
}
