#version 330 core
// kaleido/prism: chromatic fold with offset channels
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col;
    for (int i = 0; i < 3; i++) {
        vec2 q = kfold(rot(0.05 * float(i) + time * 0.1) * p, 6.0);
        col[i] = 0.5 + 0.5 * sin(q.x * (12.0 + 8.0 * p0) + q.y * 6.0);
    }
    fragColor = vec4(col, 1.0);
}
