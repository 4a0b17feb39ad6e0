#version 330 core
// polar/archimedes: an Archimedean spiral band
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float arms = 1.0 + floor(4.0 * p0);
    float v = fract(q.y * (3.0 + 3.0 * p1) - q.x * arms + time * 0.2);
    fragColor = vec4(mix(vec3(0.05, 0.05, 0.2), vec3(0.3, 0.9, 0.8), smoothstep(0.3, 0.5, v) - smoothstep(0.7, 0.9, v)), 1.0);
}
