#version 330 core
// kaleido/kaleido_bands: folded diagonal bands in pastel colours
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 4.0 + 2.0 * floor(4.0 * p0));
    float b = floor((q.x + q.y * 2.0) * (3.0 + 3.0 * p1) - time * 0.3);
    fragColor = vec4(hsv(b * 0.17, 0.35, 0.95), 1.0);
}
