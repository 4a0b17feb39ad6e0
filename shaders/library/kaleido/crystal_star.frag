#version 330 core
// kaleido/crystal_star: folded gradient noise with sharp star edges
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 8.0);
    float star = q.x * 0.4 + abs(q.y) * 2.0;
    float v = gfbm(q * 3.0 + time * 0.05, 4) + (0.6 + 0.3 * p0) - star;
    fragColor = vec4(vec3(0.6, 0.8, 1.0) * smoothstep(0.0, 0.4, v) + vec3(0.2, 0.0, 0.3) * (1.0 - length(p)), 1.0);
}
