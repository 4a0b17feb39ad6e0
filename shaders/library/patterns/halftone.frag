#version 330 core
// patterns/halftone: halftone dots whose size follows a smooth field
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = rot(0.3) * p * (6.0 + 6.0 * p0);
    vec2 c = floor(q) + 0.5;
    vec2 world = rot(-0.3) * c / (6.0 + 6.0 * p0);
    float tone = 0.5 + 0.5 * sin(world.x * 2.0 + time * 0.3) * cos(world.y * 1.5);
    float d = length(q - c);
    fragColor = vec4(mix(vec3(0.95, 0.93, 0.85), hsv(p1, 0.8, 0.4), smoothstep(0.05, -0.05, d - 0.55 * sqrt(tone))), 1.0);
}
