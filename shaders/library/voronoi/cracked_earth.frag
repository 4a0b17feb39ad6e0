#version 330 core
// voronoi/cracked_earth: dry mud cracks from second-minus-first distance
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (2.5 + 2.5 * p0) + p1 * 9.0, 1.0);
    float crack = smoothstep(0.0, 0.08, v.y - v.x);
    vec3 mud = vec3(0.6, 0.45, 0.3) * (0.8 + 0.3 * v.z) * (0.9 + 0.1 * vnoise(p * 20.0 + time * 0.01));
    fragColor = vec4(mud * crack + vec3(0.1, 0.07, 0.04) * (1.0 - crack), 1.0);
}
