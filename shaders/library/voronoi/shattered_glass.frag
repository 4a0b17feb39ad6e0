#version 330 core
// voronoi/shattered_glass: cells with offset content like broken glass
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.0 + 2.0 * p0), 1.0);
    vec2 shift = 0.2 * (vec2(hash11(v.z * 100.0), hash11(v.z * 200.0 + 1.0)) - 0.5);
    vec2 q = p + shift;
    float scene = 0.5 + 0.5 * sin(q.x * 6.0 + time * 0.3) * cos(q.y * 5.0);
    float edge = smoothstep(0.0, 0.03, v.y - v.x);
    fragColor = vec4(hsv(p1 + 0.2 * scene, 0.5, 0.3 + 0.7 * scene) * edge + (1.0 - edge) * 0.9, 1.0);
}
