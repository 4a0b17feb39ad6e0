#version 330 core
// warps/pulled_taffy: directional stretching along a noisy angle field
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = TAU * gnoise(p * 0.8 + 0.02 * time) * (1.0 + p0);
    vec2 d = vec2(cos(a), sin(a));
    float s = dot(p, d) * 6.0 + 2.0 * vnoise(p * 2.0);
    fragColor = vec4(0.5 + 0.5 * cos(s + vec3(0.0, 1.0, 2.0) + p1 * 6.0), 1.0);
}
