#version 330 core
// gradients/colour_cube_slice: a slice through the RGB cube rotating slowly
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 q = vec3(p * 0.5, 0.6 * sin(time * 0.1) + 0.4 * (p0 - 0.5));
    q.xz = rot(time * 0.05 + p1 * 6.0) * q.xz;
    q.yz = rot(p2 * 6.0) * q.yz;
    fragColor = vec4(clamp(q + 0.5, 0.0, 1.0), 1.0);
}
