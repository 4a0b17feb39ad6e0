#version 330 core
// voronoi/crystals: cells shaded like facets with a light direction
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 3.0 * p0);
    vec3 v = voronoi(q, 0.8);
    float light = 0.5 + 0.5 * sin(v.z * TAU + time * 0.3);
    fragColor = vec4(hsv(0.55 + 0.2 * v.z + p1, 0.4, 0.3 + 0.7 * light) * smoothstep(0.0, 0.05, v.y - v.x), 1.0);
}
