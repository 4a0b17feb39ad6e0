#version 330 core
// waves/spiral_waves: waves travelling out along a spiral phase
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float v = sin(q.y * (15.0 + 10.0 * p0) + q.x * TAU * floor(1.0 + 3.0 * p1) - time * 2.0);
    fragColor = vec4(mix(vec3(0.1, 0.0, 0.2), vec3(1.0, 0.6, 0.1), 0.5 + 0.5 * v) * (1.0 - 0.4 * q.y), 1.0);
}
