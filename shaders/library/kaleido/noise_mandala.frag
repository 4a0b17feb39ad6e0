#version 330 core
// kaleido/noise_mandala: fbm folded into n mirrored wedges
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(rot(time * 0.1) * p, 4.0 + floor(8.0 * p0));
    float v = fbm(q * 2.5 + 0.05 * time, 5);
    fragColor = vec4(cpal(v * 1.5 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67)), 1.0);
}
