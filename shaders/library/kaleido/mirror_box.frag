#version 330 core
// kaleido/mirror_box: repeated abs-folds of a rotating square, nested frames
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float s = 1.0;
    for (int i = 0; i < 4; i++) {
        p = abs(p) - 0.3 - 0.2 * p0;
        p = rot(0.4 + time * 0.05 + p1) * p;
        s *= 0.8;
    }
    float d = sd_box(p, vec2(0.2, 0.1));
    fragColor = vec4(0.5 + 0.5 * cos(d * 20.0 + vec3(0.0, 2.0, 4.0)), 1.0);
}
