#version 330 core
// kaleido/rotating_mirrors: two fold stages rotating against each other
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(rot(time * 0.2) * p, 4.0);
    q = kfold(rot(-time * 0.3) * (q - vec2(0.4 + 0.2 * p0, 0.0)), 3.0);
    float v = 0.5 + 0.5 * sin(length(q) * 15.0 + atan(q.y, q.x) * 3.0);
    fragColor = vec4(cpal(v, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.6, 0.3, 0.1) + p1), 1.0);
}
