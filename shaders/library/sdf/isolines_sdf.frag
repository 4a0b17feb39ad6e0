#version 330 core
// sdf/isolines_sdf: isolines of a union of shapes on a dark background
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = min(length(p - vec2(0.3, 0.1)) - 0.3, sd_box(rot(time * 0.1) * (p + vec2(0.3, 0.2)), vec2(0.3, 0.15)));
    d = min(d, sd_segment(p, vec2(-0.8, 0.6), vec2(0.7, 0.7)) - 0.05);
    float lines = smoothstep(0.1, 0.0, abs(fract(d * (8.0 + 8.0 * p0)) - 0.5) * 2.0 - 0.6);
    fragColor = vec4(hsv(0.5 + d * 0.5 + p1, 0.6, 0.2 + 0.8 * lines), 1.0);
}
