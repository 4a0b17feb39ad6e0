#version 330 core
// sdf/heart: a heart shape pulsing, with inner shading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p.y += 0.2;
    float s = 1.0 + 0.1 * sin(time * 3.0) * p0;
    p /= s;
    p.x = abs(p.x);
    float a = atan(p.x, p.y) / PI;
    float r = length(p);
    float h = abs(a);
    float dshape = (13.0 * h - 22.0 * h * h + 10.0 * h * h * h) / (6.0 - 5.0 * h) * 0.6;
    float inside = smoothstep(0.02, -0.02, r - dshape);
    vec3 back = vec3(0.95, 0.85, 0.9) * (0.6 + 0.2 * p1 + 0.3 * r);
    fragColor = vec4(mix(back, vec3(0.9, 0.1, 0.2) * (1.2 - r), inside), 1.0);
}
