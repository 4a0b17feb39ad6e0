#version 330 core
// waves/wave_hatch: wavy lines of two families crossing
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float k = 5.0 + 5.0 * p0;
    float a = abs(fract((p.y + 0.15 * sin(p.x * 4.0 + time)) * k) - 0.5);
    float b = abs(fract((p.x + 0.15 * sin(p.y * 3.0 - time)) * k * (0.7 + 0.6 * p1)) - 0.5);
    vec3 col = vec3(0.95, 0.9, 0.8);
    col = mix(col, vec3(0.8, 0.2, 0.2), smoothstep(0.12, 0.05, a));
    col = mix(col, vec3(0.2, 0.3, 0.8), smoothstep(0.12, 0.05, b) * 0.7);
    fragColor = vec4(col, 1.0);
}
