#version 330 core
// warps/melting_checker: a checkerboard dripping downward through noise
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 2.0;
    q.y += (0.6 + p0) * fbm(vec2(q.x * 1.5, 0.1 * time), 4) * (1.0 + q.y * 0.3);
    vec2 c = floor(q);
    float v = mod(c.x + c.y, 2.0);
    fragColor = vec4(mix(vec3(0.1, 0.1, 0.12), vec3(0.9, 0.85, 0.2), v) * (0.7 + 0.3 * vnoise(q * 3.0)), 1.0);
}
