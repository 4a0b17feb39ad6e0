#version 330 core
// noise/spots: leopard spots from thresholded cellular noise
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (3.0 + 2.0 * p0) + 0.02 * time, 1.0);
    float ring = smoothstep(0.35, 0.3, v.x) - smoothstep(0.2, 0.15, v.x);
    vec3 col = mix(vec3(0.85, 0.65, 0.3), vec3(0.1, 0.07, 0.02), ring);
    col = mix(col, vec3(0.6, 0.4, 0.15), smoothstep(0.2, 0.1, v.x) * p1);
    fragColor = vec4(col, 1.0);
}
