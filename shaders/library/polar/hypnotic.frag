#version 330 core
// polar/hypnotic: spiral stripes with alternating twist per ring
uniform vec2 resolution;
uniform float time;
uniform float p0, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float ring = floor(q.y * (4.0 + 3.0 * p0));
    float dir = mod(ring, 2.0) * 2.0 - 1.0;
    float v = step(0.5, fract(q.x * 8.0 + dir * time * 0.2 + q.y * 2.0));
    fragColor = vec4(mix(vec3(0.05), hsv(ring * 0.1 + p2, 0.8, 1.0), v) * (1.2 - 0.6 * q.y), 1.0);
}
