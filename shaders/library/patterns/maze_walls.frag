#version 330 core
// patterns/maze_walls: random maze from per-cell wall choices, thick walls
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (4.0 + 4.0 * p0) + vec2(0.0, time * 0.1);
    vec2 c = floor(q), f = fract(q);
    float wall = hash12(c) > 0.5 ? step(f.x, 0.2) : step(f.y, 0.2);
    vec3 floor_col = mix(vec3(0.8, 0.75, 0.6), vec3(0.6, 0.55, 0.45), hash12(c + 4.0));
    fragColor = vec4(mix(floor_col, hsv(p1, 0.5, 0.25), wall), 1.0);
}
