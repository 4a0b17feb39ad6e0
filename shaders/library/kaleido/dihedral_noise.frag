#version 330 core
// kaleido/dihedral_noise: noise with dihedral symmetry of random order
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 2.0 + floor(10.0 * p0);
    vec2 q = kfold(p, n);
    float v = gfbm(q * (1.5 + 2.0 * p1) + vec2(time * 0.03, 1.7), 5);
    fragColor = vec4(vec3(smoothstep(0.3, 0.7, v)), 1.0);
}
