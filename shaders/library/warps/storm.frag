#version 330 core
// warps/storm: layered clouds warped by a large-scale swirl
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p);
    p = rot(1.5 * (1.0 + p0) * exp(-2.0 * r) + 0.05 * time) * p;
    float c = fbm(p * 2.5 + vec2(0.1 * time, 0.0), 6);
    float d = fbm(p * 5.0 - vec2(0.0, 0.13 * time), 4);
    vec3 col = mix(vec3(0.1, 0.12, 0.2), vec3(0.85, 0.88, 0.95), smoothstep(0.35, 0.75, c * 0.8 + d * 0.3));
    fragColor = vec4(col, 1.0);
}
