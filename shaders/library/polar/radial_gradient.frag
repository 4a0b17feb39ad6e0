#version 330 core
// polar/radial_gradient: off-centre radial gradient with banding
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 c = 0.8 * vec2(p0 - 0.5, p1 - 0.5);
    float r = length(p - c);
    float bands = floor(r * (4.0 + 8.0 * p2) + time * 0.1) / 8.0;
    fragColor = vec4(cpal(bands, vec3(0.5), vec3(0.5), vec3(1.0, 0.7, 0.4), vec3(0.0, 0.15, 0.2)), 1.0);
}
