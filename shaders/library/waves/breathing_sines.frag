#version 330 core
// waves/breathing_sines: slowly breathing superposition of radial and linear waves
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = sin(length(p) * (6.0 + 4.0 * p0) - time);
    float b = sin(p.x * (4.0 + 4.0 * p1) + sin(time * 0.5) * 2.0);
    float v = mix(a, b, 0.5 + 0.5 * sin(time * 0.3));
    fragColor = vec4(cpal(0.5 + 0.5 * v, vec3(0.5), vec3(0.5), vec3(1.0, 0.7, 0.4), vec3(0.0, 0.15, 0.2) + p2), 1.0);
}
