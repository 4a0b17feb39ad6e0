#version 330 core
// polar/dartboard: sectors and rings with alternating colours
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(rot(time * 0.05 + p0) * p);
    float s = floor(q.x * 20.0);
    float ring = q.y < 0.1 ? 0.0 : q.y < 0.55 ? 1.0 : q.y < 0.62 ? 2.0 : q.y < 0.9 ? 3.0 : 4.0;
    float alt = mod(s, 2.0);
    vec3 col = ring == 0.0 ? vec3(0.8, 0.1, 0.1) : ring == 2.0 || ring == 4.0 && q.y < 0.97
             ? (alt > 0.5 ? vec3(0.8, 0.1, 0.1) : vec3(0.1, 0.5, 0.2))
             : (alt > 0.5 ? vec3(0.05) : vec3(0.95, 0.9, 0.7));
    fragColor = vec4(col * step(q.y, 1.0), 1.0);
}
