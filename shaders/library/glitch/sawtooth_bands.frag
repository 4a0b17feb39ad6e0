#version 330 core
// glitch/sawtooth_bands: sawtooth ramps in RGB with different periods
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 periods = vec3(0.5, 0.7, 1.1) * (0.5 + p0);
    vec3 col = fract((p.x + p.y * vec3(0.3, -0.5, 0.8)) / periods + time * vec3(0.1, 0.13, 0.07));
    fragColor = vec4(col * (0.6 + 0.4 * p1), 1.0);
}
