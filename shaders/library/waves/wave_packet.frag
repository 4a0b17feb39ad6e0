#version 330 core
// waves/wave_packet: a Gaussian wave packet travelling and spreading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float x = p.x - mod(time * 0.3, 3.0) + 1.5;
    float env = exp(-x * x * (2.0 + 4.0 * p0) - p.y * p.y * 2.0);
    float v = cos(x * (15.0 + 10.0 * p1)) * env;
    fragColor = vec4(vec3(0.5 + 0.5 * v) * vec3(0.8, 0.9, 1.0) * (0.3 + 0.7 * env) + 0.1, 1.0);
}
