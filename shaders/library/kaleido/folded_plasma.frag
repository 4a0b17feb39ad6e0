#version 330 core
// kaleido/folded_plasma: plasma through a square mirror fold
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p = abs(rot(time * 0.1) * p);
    p = abs(p - 0.4 * p0) * (1.5 + p1);
    float v = sin(p.x * 5.0 + time) + sin(p.y * 4.0 - time) + sin((p.x + p.y) * 3.0);
    fragColor = vec4(0.5 + 0.5 * sin(v + vec3(0.0, 1.5, 3.0)), 1.0);
}
