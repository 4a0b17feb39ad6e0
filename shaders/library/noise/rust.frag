#version 330 core
// noise/rust: oxidised metal with patches and pits
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 1.5 + p1;
    float m = smoothstep(0.45, 0.6, fbm(p + p0 * 12.0, 5));
    float pits = step(0.8, vnoise(p * 12.0));
    vec3 metal = vec3(0.55, 0.57, 0.6) * (0.8 + 0.2 * vnoise(p * 20.0 + time * 0.01));
    vec3 rust = mix(vec3(0.45, 0.2, 0.05), vec3(0.7, 0.35, 0.1), fbm(p * 4.0, 4));
    fragColor = vec4(mix(metal, rust, m) * (1.0 - 0.4 * pits), 1.0);
}
