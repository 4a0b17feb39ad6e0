#version 330 core
// kaleido/fractal_fold: iterated folds with scaling, Kaleidoscopic IFS in 2D
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float s = 1.0;
    vec2 q = p;
    for (int i = 0; i < 6; i++) {
        q = kfold(q, 5.0);
        q = q * 1.6 - vec2(0.8 + 0.2 * p0, 0.0);
        q = rot(0.2 + 0.1 * sin(time * 0.2)) * q;
        s *= 1.6;
    }
    float d = length(q) / s;
    fragColor = vec4(cpal(d * 8.0 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.1, 0.2, 0.3)), 1.0);
}
