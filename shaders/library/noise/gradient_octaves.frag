#version 330 core
// noise/gradient_octaves: gradient-noise fbm in a two-colour ramp
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = gfbm(p * (1.0 + 2.0 * p0) + vec2(p1 * 30.0, 0.07 * time), 6);
    fragColor = vec4(mix(vec3(0.1, 0.2, 0.4), vec3(1.0, 0.9, 0.6), smoothstep(0.25, 0.75, v)), 1.0);
}
