#version 330 core
// noise/granite: speckled stone from high-frequency noise and cells
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = fbm(p * 8.0 + p0 * 20.0, 4);
    vec3 v = voronoi(p * 6.0 + p1 * 7.0, 1.0);
    vec3 col = vec3(0.55, 0.5, 0.5) * (0.6 + 0.6 * n);
    col = mix(col, vec3(0.1), step(0.75, v.z) * smoothstep(0.4, 0.2, v.x));
    col = mix(col, vec3(0.85, 0.7, 0.65), step(v.z, 0.2) * 0.7);
    fragColor = vec4(col, 1.0);
}
