#version 330 core
// patterns/op_art_bulge: checkerboard magnified by a spherical bulge
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p);
    float k = 1.0 + (0.8 + 0.6 * p0) * exp(-3.0 * r * r) * (1.0 + 0.2 * sin(time * 0.5));
    vec2 q = p / k * (4.0 + 3.0 * p1);
    float v = mod(floor(q.x) + floor(q.y), 2.0);
    fragColor = vec4(vec3(0.1 + 0.8 * v) * (0.7 + 0.3 / k), 1.0);
}
