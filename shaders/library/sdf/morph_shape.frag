#version 330 core
// sdf/morph_shape: a shape morphing between circle and square
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float t = 0.5 + 0.5 * sin(time * 0.5 + p0 * 6.0);
    vec2 q = rot(time * 0.2) * p;
    float d = mix(length(q) - 0.6, sd_box(q, vec2(0.5)), t);
    vec3 col = mix(hsv(p1, 0.7, 0.9), hsv(p1 + 0.5, 0.5, 0.3), smoothstep(-0.01, 0.01, d));
    col *= 0.7 + 0.3 * cos(d * 40.0);
    fragColor = vec4(col, 1.0);
}
