#version 330 core
// warps/wobble_grid: a square grid pushed around by sine warps
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p += 0.15 * (1.0 + p0) * sin(p.yx * 3.0 + time * vec2(0.7, 0.9));
    vec2 g = abs(fract(p * 3.0) - 0.5);
    float line = smoothstep(0.42, 0.48, max(g.x, g.y));
    fragColor = vec4(mix(hsv(p1, 0.4, 0.3), vec3(1.0), line), 1.0);
}
