#version 330 core
// kaleido/kaleido_smoke: turbulence inside a slowly rotating twelve-fold kaleidoscope
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(rot(time * 0.03) * p, 12.0);
    float v = turb(q * (2.0 + 2.0 * p0) + vec2(0.0, time * 0.05), 5);
    fragColor = vec4(mix(vec3(0.1, 0.0, 0.15), vec3(0.9, 0.7, 1.0), v * 1.5), 1.0);
}
