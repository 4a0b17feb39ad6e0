#version 330 core
// patterns/diamond_lattice: diamond grid with glowing nodes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = rot(PI * 0.25) * p * (2.0 + 2.0 * p0);
    vec2 f = fract(q) - 0.5;
    float line = min(abs(f.x), abs(f.y));
    float node = length(f - sign(f) * 0.5);
    vec3 col = vec3(0.05, 0.1, 0.15) + vec3(0.2, 0.6, 0.8) * smoothstep(0.06, 0.0, line);
    col += hsv(p1 + time * 0.05, 0.6, 1.0) * 0.05 / (node + 0.05);
    fragColor = vec4(col, 1.0);
}
