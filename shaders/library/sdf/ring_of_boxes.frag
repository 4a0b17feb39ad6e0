#version 330 core
// sdf/ring_of_boxes: rotated boxes arranged on a circle
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 5.0 + floor(7.0 * p0);
    float w = TAU / n;
    float a = mod(atan(p.y, p.x) + 0.5 * w, w) - 0.5 * w;
    vec2 q = length(p) * vec2(cos(a), sin(a)) - vec2(0.6, 0.0);
    float d = sd_box(rot(time + p1 * 3.0) * q, vec2(0.12));
    fragColor = vec4(mix(hsv(floor((atan(p.y, p.x) + PI) / w) / n, 0.6, 1.0), vec3(0.1, 0.1, 0.15), smoothstep(0.0, 0.02, d)), 1.0);
}
