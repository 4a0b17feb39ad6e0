#version 330 core
// fractal/menger_ring: ring-shaped carpet recursion in polar coordinates
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    vec2 g = vec2(q.x * (6.0 + floor(6.0 * p0)), q.y * 3.0 - time * 0.1);
    float hole = 0.0;
    for (int i = 0; i < 4; i++) {
        vec2 d = floor(mod(g, 3.0));
        if (d.x == 1.0 && d.y == 1.0) hole = 1.0;
        g *= 3.0;
    }
    fragColor = vec4(mix(hsv(q.y + p1, 0.5, 0.9), vec3(0.05), hole), 1.0);
}
