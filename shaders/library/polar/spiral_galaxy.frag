#version 330 core
// polar/spiral_galaxy: two spiral arms of noisy stars around a bulge
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float arm = 0.5 + 0.5 * cos(2.0 * TAU * q.x - log(q.y + 0.02) * (3.0 + 2.0 * p0) + time * 0.1);
    float dust = fbm(p * 6.0, 4);
    float v = arm * exp(-2.0 * q.y) * (0.4 + dust) + exp(-12.0 * q.y);
    fragColor = vec4(vec3(1.0, 0.9, 0.8) * v + vec3(0.2, 0.3, 0.8) * arm * 0.2 * exp(-q.y), 1.0);
}
