#version 330 core
// particles/grid_jitter_dots: dots on a grid displaced by a travelling wave
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (4.0 + 3.0 * p0);
    vec2 c = floor(q) + 0.5;
    vec2 off = 0.3 * vec2(sin(c.y * 0.8 + time * 2.0), cos(c.x * 0.7 + time * 1.5));
    float d = length(q - c - off);
    fragColor = vec4(mix(vec3(0.1, 0.1, 0.2), hsv(p1 + length(off), 0.6, 1.0), smoothstep(0.3, 0.15, d)), 1.0);
}
