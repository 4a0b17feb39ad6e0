#version 330 core
// kaleido/stained_glass: voronoi cells in a kaleidoscope with dark leading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 6.0 + floor(6.0 * p0));
    vec3 v = voronoi(q * 4.0 + vec2(0.2 * time, 0.0), 0.8);
    float lead = smoothstep(0.02, 0.08, v.y - v.x);
    fragColor = vec4(hsv(v.z + p1, 0.8, 0.9) * lead, 1.0);
}
