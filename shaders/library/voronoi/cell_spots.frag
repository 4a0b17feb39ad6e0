#version 330 core
// voronoi/cell_spots: a dot at each feature point with a halo
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (3.0 + 3.0 * p0) + vec2(0.0, time * 0.1), 1.0);
    float dot_ = smoothstep(0.15, 0.1, v.x);
    float halo = 0.1 / (v.x + 0.1);
    fragColor = vec4(hsv(v.z + p1, 0.6, 1.0) * (dot_ + 0.3 * halo) + vec3(0.03), 1.0);
}
