#version 330 core
// sdf/polygon_n: regular polygon with n sides and banded interior
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 3.0 + floor(6.0 * p0);
    vec2 q = rot(time * 0.2) * p;
    float a = atan(q.y, q.x);
    float w = TAU / n;
    float d = cos(floor(0.5 + a / w) * w - a) * length(q) - 0.6;
    vec3 col = d < 0.0 ? hsv(p1 + d, 0.6, 0.7 + 0.3 * sin(d * 40.0)) : vec3(0.9, 0.9, 0.85) * (1.0 - 0.3 * d);
    fragColor = vec4(col, 1.0);
}
