#version 330 core
// warps/cellular_warp: voronoi cells seen through an fbm lens
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 2.5 + 0.8 * vec2(fbm(p * 2.0 + 0.05 * time, 4), fbm(p * 2.0 + 7.0, 4)) * (1.0 + p0);
    vec3 v = voronoi(q, 1.0);
    vec3 col = hsv(v.z * 0.3 + p1, 0.6, 0.9) * smoothstep(0.0, 0.15, v.y - v.x);
    fragColor = vec4(col, 1.0);
}
