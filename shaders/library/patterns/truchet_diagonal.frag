#version 330 core
// patterns/truchet_diagonal: diagonal-line truchet (the ten-print maze)
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    vec2 c = floor(q), f = fract(q);
    float h = hash12(c + floor(time * 0.5));
    float d = h > 0.5 ? abs(f.x - f.y) : abs(f.x + f.y - 1.0);
    fragColor = vec4(mix(vec3(0.2, 0.25, 0.7), vec3(0.7, 0.8, 1.0), smoothstep(0.2, 0.1, d)) * (0.8 + 0.2 * hash12(c + 7.0)), 1.0);
}
