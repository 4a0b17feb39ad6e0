#version 330 core
// warps/mirror_warp: fbm warp mirrored on both axes, symmetric blots
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p = abs(p);
    vec2 q = vec2(fbm(p * 2.0 + time * 0.05, 4), fbm(p * 2.0 + 6.1, 4));
    float v = fbm(p * 1.5 + (2.0 + 2.0 * p0) * q, 5);
    fragColor = vec4(vec3(smoothstep(0.35 + 0.2 * p1, 0.65, v)), 1.0);
}
