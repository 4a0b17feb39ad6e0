#version 330 core
// sdf/cross_shapes: plus signs with rounded ends, repeated and offset
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.5 + 2.5 * p0);
    q.x += 0.5 * mod(floor(q.y), 2.0);
    vec2 f = fract(q) - 0.5;
    f = rot(time * 0.2) * f;
    float d = min(sd_box(f, vec2(0.35, 0.08)), sd_box(f, vec2(0.08, 0.35))) - 0.03;
    vec3 ink = hsv(p1 + 0.1 * p.x, 0.7, 0.9 + 2.0 * d);
    vec3 paper = hsv(p1 + 0.5, 0.2, 0.3 + 0.15 * p.y);
    fragColor = vec4(mix(ink, paper, smoothstep(0.0, 0.03, d)), 1.0);
}
