#version 330 core
// sdf/sdf_repeat_rotate: repeated boxes with rotation growing outward
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 2.0 * p0);
    vec2 c = floor(q + 0.5), f = q - c;
    float d = sd_box(rot(length(c) * (0.3 + p1) + time * 0.3) * f, vec2(0.3));
    fragColor = vec4(mix(cpal(length(c) * 0.1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.1, 0.2)), vec3(0.95), smoothstep(0.0, 0.03, d)), 1.0);
}
