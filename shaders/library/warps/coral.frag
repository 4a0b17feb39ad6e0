#version 330 core
// warps/coral: ridged noise domain-warped into branching crests
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.2 + p0);
    q += 0.5 * vec2(ridged(q + 0.05 * time, 3), ridged(q + vec2(2.0, 7.0), 3));
    float v = ridged(q * 2.0, 5);
    vec3 col = mix(vec3(0.05, 0.2, 0.35), vec3(1.0, 0.45, 0.4), smoothstep(0.3, 0.8, v));
    fragColor = vec4(col, 1.0);
}
