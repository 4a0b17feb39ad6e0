#version 330 core
// polar/polar_waves: radius wobbling with angle, filled bands
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float r = q.y + 0.1 * sin(q.x * TAU * (3.0 + floor(5.0 * p0)) + time) + 0.05 * sin(q.x * TAU * 11.0 - time * 1.7);
    float band = floor(r * (6.0 + 4.0 * p1));
    fragColor = vec4(cpal(band * 0.15, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.1, 0.2)), 1.0);
}
