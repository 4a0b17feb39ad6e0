#version 330 core
// patterns/herringbone: herringbone parquet from alternating slanted planks
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 c = floor(q);
    vec2 f = fract(q);
    bool flip = mod(c.x + c.y, 2.0) < 1.0;
    float plank = flip ? fract(f.x + f.y * 0.5) : fract(f.y + f.x * 0.5);
    float id = floor((flip ? f.x + f.y * 0.5 : f.y + f.x * 0.5) * 2.0);
    vec3 wood = vec3(0.55, 0.35, 0.2) * (0.7 + 0.4 * hash12(c * 3.0 + id));
    fragColor = vec4(wood * smoothstep(0.0, 0.05, plank) * (0.9 + 0.1 * sin(time * 0.1)), 1.0);
}
