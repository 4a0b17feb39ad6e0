#version 330 core
// kaleido/rosette: petals from folded circles, n-fold symmetry
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 5.0 + floor(7.0 * p0);
    vec2 q = kfold(p, n);
    float d = length(q - vec2(0.5, 0.0)) - 0.3 - 0.05 * sin(time);
    float v = 0.5 + 0.5 * cos(d * (20.0 + 20.0 * p1));
    fragColor = vec4(hsv(0.9 + 0.2 * d, 0.6, v), 1.0);
}
