#version 330 core
// warps/agate: banded stone from contours of a warped field
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 1.3 + 0.3 * vec2(gfbm(p * 2.0, 4), gfbm(p * 2.0 + 3.3, 4));
    float h = length(q - vec2(0.2, -0.1) * p0) + 0.4 * gfbm(q * 3.0 + 0.05 * time, 4);
    float bands = 0.5 + 0.5 * sin(h * (25.0 + 20.0 * p1));
    vec3 col = cpal(h, vec3(0.55, 0.45, 0.4), vec3(0.35, 0.3, 0.3), vec3(1.0, 0.8, 0.6), vec3(0.1, 0.2, 0.35));
    fragColor = vec4(col * (0.55 + 0.45 * bands), 1.0);
}
