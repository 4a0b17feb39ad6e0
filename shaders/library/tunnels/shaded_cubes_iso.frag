#version 330 core
// tunnels/shaded_cubes_iso: isometric stack of shaded cubes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 r = vec2(q.x * 0.57735 + q.y, q.y - q.x * 0.57735);
    vec2 c = floor(r);
    vec2 f = fract(r);
    float face = f.x > f.y ? 0.6 : 0.85;
    face = (f.x + f.y > 1.0) ? 1.0 : face;
    vec3 col = hsv(hash12(c) * 0.2 + p1 + time * 0.01, 0.5, face);
    fragColor = vec4(col, 1.0);
}
