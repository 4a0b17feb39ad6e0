#version 330 core
// noise/moss: layered green noise with dark cracks
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 2.0 + p0;
    float base = fbm(p + 0.02 * time, 6);
    vec3 v = voronoi(p * 1.5, 0.9);
    vec3 col = mix(vec3(0.1, 0.25, 0.05), vec3(0.45, 0.65, 0.2), base);
    col *= smoothstep(0.0, 0.08, v.y - v.x) * 0.5 + 0.5;
    fragColor = vec4(col, 1.0);
}
