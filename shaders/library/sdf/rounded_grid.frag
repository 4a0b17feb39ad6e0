#version 330 core
// sdf/rounded_grid: rounded squares in a grid, size varying with noise
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    float s = 0.15 + 0.25 * vnoise(c * 0.5 + time * 0.3);
    float d = sd_box(f, vec2(s)) - 0.08;
    fragColor = vec4(mix(hsv(p1 + 0.1 * s, 0.5, 0.95), vec3(0.15, 0.15, 0.2), smoothstep(0.0, 0.04, d)), 1.0);
}
