#version 330 core
// voronoi/reptile_skin: bumpy scales from cell distance with dark gaps
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (4.0 + 3.0 * p0), 0.8);
    float bump = sqrt(max(0.0, 1.0 - v.x * 1.5));
    float gap = smoothstep(0.0, 0.05, v.y - v.x);
    vec3 col = mix(vec3(0.2, 0.35, 0.1), vec3(0.6, 0.7, 0.3), v.z) * bump * gap;
    fragColor = vec4(col * (0.9 + 0.2 * p1) + 0.01 * sin(time), 1.0);
}
