#version 330 core
// sdf/sdf_shadow: shapes with a soft drop shadow on a light ground
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = rot(p0 * TAU) * p;
    float d = min(length(q - vec2(0.3, 0.2)) - 0.3, sd_box(q + vec2(0.35, 0.25), vec2(0.25, 0.2)));
    vec2 ls = q - vec2(0.08, -0.08);
    float ds = min(length(ls - vec2(0.3, 0.2)) - 0.3, sd_box(ls + vec2(0.35, 0.25), vec2(0.25, 0.2)));
    vec3 ground = vec3(0.9, 0.88, 0.82) * (1.0 - 0.5 * smoothstep(0.15, -0.05, ds));
    fragColor = vec4(mix(hsv(p1, 0.6, 0.8 + 0.2 * sin(time)), ground, smoothstep(0.0, 0.02, d)), 1.0);
}
