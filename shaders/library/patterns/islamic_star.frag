#version 330 core
// patterns/islamic_star: eight-pointed star grid from two rotated squares
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 f = fract(q) - 0.5;
    float s1 = max(abs(f.x), abs(f.y));
    vec2 r = rot(PI * 0.25) * f;
    float s2 = max(abs(r.x), abs(r.y));
    float star = min(s1, s2);
    float line = abs(star - 0.3 - 0.05 * p1);
    vec3 col = mix(vec3(0.05, 0.2, 0.4), vec3(0.9, 0.75, 0.3), smoothstep(0.04, 0.0, line));
    col = mix(col, vec3(0.7, 0.15, 0.2), step(star, 0.2 + 0.05 * sin(time * 0.3)) * 0.8);
    fragColor = vec4(col, 1.0);
}
