#version 330 core
// patterns/mosaic: irregular square mosaic tiles with grout
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (4.0 + 4.0 * p0);
    vec2 c = floor(q);
    vec2 f = fract(q) - 0.5 + 0.1 * (hash22(c) - 0.5);
    float tile = smoothstep(0.45, 0.4, max(abs(f.x), abs(f.y)));
    vec3 col = hsv(0.55 + 0.15 * hash12(c) + p1, 0.5 + 0.3 * hash12(c + 1.0), 0.6 + 0.4 * hash12(c + 2.0));
    fragColor = vec4(mix(vec3(0.8, 0.78, 0.7), col, tile) * (0.95 + 0.05 * sin(time)), 1.0);
}
