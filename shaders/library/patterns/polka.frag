#version 330 core
// patterns/polka: polka dots of varying size on a grid, offset rows
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    q.x += 0.5 * mod(floor(q.y), 2.0);
    vec2 f = fract(q) - 0.5;
    float r = 0.2 + 0.15 * sin(time * 0.5 + floor(q.x) * 0.7 + floor(q.y) * 1.3);
    float dot_ = smoothstep(r + 0.05, r - 0.05, length(f));
    vec3 back = hsv(p1 + 0.1 * p.y, 0.3, 0.75 + 0.2 * p.x);
    vec3 spot = hsv(p1 + 0.5, 0.7, 0.8 - 0.8 * length(f));
    fragColor = vec4(mix(back, spot, dot_), 1.0);
}
