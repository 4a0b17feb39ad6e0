#version 330 core
// waves/tidal_bands: smooth bands swaying like seaweed
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float x = p.x + 0.3 * sin(p.y * 2.0 + time) * (0.5 + p0);
    float v = 0.5 + 0.5 * sin(x * (6.0 + 6.0 * p1));
    fragColor = vec4(mix(vec3(0.0, 0.15, 0.1), vec3(0.3, 0.8, 0.4), v) * (0.6 + 0.4 * (p.y + 1.0) * 0.5), 1.0);
}
