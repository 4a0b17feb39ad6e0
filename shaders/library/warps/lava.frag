#version 330 core
// warps/lava: slow ridged flow advected by a rotating gradient-noise field
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 1.5;
    float a = TAU * gfbm(q * 0.7 + 0.03 * time, 3);
    q += 0.6 * vec2(cos(a), sin(a));
    float v = ridged(q + vec2(0.0, -0.1 * time), 4);
    vec3 col = mix(vec3(0.15, 0.0, 0.0), vec3(1.0, 0.55, 0.1), v * v);
    col += vec3(1.0, 0.9, 0.5) * smoothstep(0.75, 0.95, v) * p0;
    fragColor = vec4(col, 1.0);
}
