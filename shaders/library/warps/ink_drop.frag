#version 330 core
// warps/ink_drop: radial ink spreading through a turbulent fluid
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = atan(p.y, p.x);
    float w = fbm(vec2(a * 2.0, length(p) * 3.0 - time * 0.3), 4);
    float r = length(p) + 0.35 * (w - 0.5) * (1.0 + p0);
    float v = smoothstep(0.6 + 0.3 * sin(time * 0.2), 0.3, r);
    vec3 ink = hsv(p1, 0.8, 0.5);
    fragColor = vec4(mix(vec3(0.95, 0.93, 0.88), ink, v * (0.6 + 0.4 * w)), 1.0);
}
