#version 330 core
// sdf/crescents: moon crescents from the difference of two circles
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    float ph = hash12(c) * TAU + time * 0.5;
    float d = max(length(f) - 0.35, -(length(f - 0.2 * vec2(cos(ph), sin(ph))) - 0.3));
    vec3 moon = vec3(1.0, 0.95, 0.7) * (0.6 + 0.8 * (0.35 - length(f)));
    vec3 night = vec3(0.05, 0.05, 0.2) + 0.25 * hsv(p1, 0.6, 0.5 + 0.5 * p.y);
    fragColor = vec4(mix(moon, night, smoothstep(0.0, 0.03, d)), 1.0);
}
