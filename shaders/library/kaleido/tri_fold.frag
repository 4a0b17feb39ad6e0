#version 330 core
// kaleido/tri_fold: threefold symmetric weave of sine bands
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(rot(time * 0.07) * p, 3.0);
    float v = sin(q.x * (10.0 + 6.0 * p0)) * sin(q.y * (10.0 + 6.0 * p1) + time);
    fragColor = vec4(mix(vec3(0.1, 0.05, 0.2), vec3(1.0, 0.7, 0.2), 0.5 + 0.5 * v), 1.0);
}
