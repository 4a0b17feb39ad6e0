#version 330 core
// patterns/cobblestones: rounded stones from voronoi distance with mortar
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (3.0 + 2.0 * p0), 0.9);
    float stone = smoothstep(0.05, 0.2, v.y - v.x);
    vec3 col = vec3(0.5, 0.48, 0.45) * (0.7 + 0.6 * v.z) * (0.7 + 0.3 * (1.0 - v.x));
    fragColor = vec4(mix(vec3(0.2, 0.18, 0.15), col, stone) * (0.9 + 0.1 * sin(time * 0.1 + p1 * 6.0)), 1.0);
}
