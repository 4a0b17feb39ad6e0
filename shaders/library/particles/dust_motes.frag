#version 330 core
// particles/dust_motes: dust in a light beam with soft falloff
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float beam = smoothstep(0.5, 0.0, abs(p.x + p.y * (0.3 + 0.4 * p0)));
    vec3 col = vec3(0.08, 0.06, 0.04) + vec3(0.5, 0.45, 0.3) * beam * 0.5;
    vec2 q = p * 12.0 + vec2(time * 0.1, sin(time * 0.2));
    vec2 c = floor(q);
    float mote = smoothstep(0.1, 0.0, length(fract(q) - hash22(c))) * step(0.6, hash12(c + 4.0));
    fragColor = vec4(col + vec3(1.0, 0.95, 0.8) * mote * beam * (0.5 + p1), 1.0);
}
