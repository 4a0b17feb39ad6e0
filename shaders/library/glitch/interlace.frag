#version 330 core
// glitch/interlace: alternate rows show two different images
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float even = mod(floor(gl_FragCoord.y / (1.0 + floor(3.0 * p0))), 2.0);
    vec3 a = hsv(0.5 + 0.5 * sin(p.x * 4.0 + time), 0.6, 0.9);
    vec3 b = vec3(fbm(p * 3.0 - time * 0.1, 4)) * hsv(p1, 0.5, 1.0);
    fragColor = vec4(mix(a, b, even), 1.0);
}
