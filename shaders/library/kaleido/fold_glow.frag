#version 330 core
// kaleido/fold_glow: glowing edges of the folded wedges
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(rot(time * 0.1) * p, 6.0 + floor(6.0 * p0));
    float edge = abs(q.y) + 0.02;
    float ring = abs(length(q) - 0.5 - 0.2 * p1) + 0.02;
    vec3 col = vec3(0.2, 0.6, 1.0) * 0.02 / edge + vec3(1.0, 0.4, 0.8) * 0.03 / ring;
    fragColor = vec4(col, 1.0);
}
