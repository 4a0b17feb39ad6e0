#version 330 core
// polar/polar_noise: fbm sampled in polar coordinates, seamless around the circle
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float a = q.x * TAU;
    float v = fbm(vec2(cos(a), sin(a)) * (1.0 + 2.0 * p0) + vec2(q.y * 3.0 - time * 0.2, 0.0), 5);
    fragColor = vec4(cpal(v + q.y * 0.3, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.3, 0.2, 0.2) + p1), 1.0);
}
