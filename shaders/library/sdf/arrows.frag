#version 330 core
// sdf/arrows: arrow glyphs on a grid pointing along a flow
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    float a = TAU * vnoise((c + 0.5) * 0.3 + time * 0.1);
    f = rot(-a) * f;
    float d = min(sd_segment(f, vec2(-0.3, 0.0), vec2(0.3, 0.0)), min(sd_segment(f, vec2(0.3, 0.0), vec2(0.1, 0.15)), sd_segment(f, vec2(0.3, 0.0), vec2(0.1, -0.15))));
    fragColor = vec4(mix(hsv(a / TAU + p1, 0.6, 1.0), vec3(0.1), smoothstep(0.04, 0.08, d)), 1.0);
}
