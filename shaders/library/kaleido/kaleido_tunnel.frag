#version 330 core
// kaleido/kaleido_tunnel: folded polar tunnel texture
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 5.0 + floor(5.0 * p0));
    vec2 r = polar(q);
    float z = 0.3 / (r.y + 0.05) + time;
    float v = vnoise(vec2(r.x * 16.0, z * 2.0));
    fragColor = vec4(hsv(v * 0.3 + p1, 0.7, v) * min(r.y * 3.0, 1.0), 1.0);
}
