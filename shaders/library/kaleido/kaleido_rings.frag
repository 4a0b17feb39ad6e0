#version 330 core
// kaleido/kaleido_rings: rings centred off-axis, mirrored into a rosette
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 3.0 + floor(9.0 * p0));
    float v = fract(length(q - vec2(0.6, 0.1)) * (5.0 + 5.0 * p1) - time * 0.3);
    fragColor = vec4(hsv(v * 0.2 + p2, 0.9, smoothstep(0.0, 0.2, v) * smoothstep(1.0, 0.6, v)), 1.0);
}
