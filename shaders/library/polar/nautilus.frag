#version 330 core
// polar/nautilus: chambers of a logarithmic spiral shell
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float t = log(q.y + 1e-3) / 0.3 - q.x * TAU / 0.3 * 0.3;
    float chamber = fract(q.x * (6.0 + 4.0 * p0) + log(q.y + 1e-3) * 1.5);
    float wall = smoothstep(0.9, 1.0, chamber) + smoothstep(0.1, 0.0, chamber);
    vec3 col = mix(vec3(0.95, 0.85, 0.7), vec3(0.6, 0.3, 0.15), 0.5 + 0.5 * sin(t + time * 0.2));
    fragColor = vec4(col * (1.0 - 0.7 * wall) * smoothstep(1.0, 0.8, q.y), 1.0);
}
