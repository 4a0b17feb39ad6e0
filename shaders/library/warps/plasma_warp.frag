#version 330 core
// warps/plasma_warp: classic plasma sum evaluated on a noise-warped grid
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p += 0.5 * (vec2(vnoise(p * 3.0 + time * 0.2), vnoise(p * 3.0 - time * 0.2)) - 0.5);
    float v = sin(p.x * 4.0 + time) + sin(p.y * 5.0 - time * 0.8) + sin((p.x + p.y) * 3.0 + time * 0.6);
    v += sin(length(p * (3.0 + 4.0 * p0)) * 2.0 - time);
    fragColor = vec4(0.5 + 0.5 * cos(v + vec3(0.0, 2.1, 4.2) + p1 * TAU), 1.0);
}
