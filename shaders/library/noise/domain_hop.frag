#version 330 core
// noise/domain_hop: noise sampled on floor-quantised coordinates, blocky terrain
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float s = 4.0 + 8.0 * p0;
    vec2 q = floor(p * s) / s;
    float v = fbm(q * 2.0 + 0.05 * time, 5);
    fragColor = vec4(cpal(v, vec3(0.5), vec3(0.5), vec3(1.0, 1.0, 0.5), vec3(0.8, 0.9, 0.3) + p1), 1.0);
}
