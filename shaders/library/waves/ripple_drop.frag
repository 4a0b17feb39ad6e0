#version 330 core
// waves/ripple_drop: expanding ripples from random drops with damping
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float s = 0.0;
    for (int i = 0; i < 4; i++) {
        float k = float(i);
        float t = fract(time * 0.2 + k * 0.25);
        vec2 c = 1.6 * (hash22(vec2(k, floor(time * 0.2 + k * 0.25))) - 0.5);
        float r = length(p - c);
        s += sin((r - t * 2.0) * (20.0 + 10.0 * p0)) * exp(-3.0 * abs(r - t * 2.0)) * (1.0 - t);
    }
    fragColor = vec4(vec3(0.2, 0.4, 0.6) + vec3(0.5) * s, 1.0);
}
