#version 330 core
// kaleido/folded_truchet: truchet arcs folded into fourfold symmetry
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = abs(rot(time * 0.05) * p) * (3.0 + 2.0 * p0);
    vec2 c = floor(q);
    vec2 f = fract(q) - 0.5;
    if (hash12(c + floor(p1 * 9.0)) > 0.5) f.x = -f.x;
    float d = abs(length(f - sign(f.x + f.y + 1e-4) * 0.5) - 0.5);
    fragColor = vec4(mix(vec3(0.9, 0.5, 0.2), vec3(0.1, 0.2, 0.3), smoothstep(0.05, 0.15, d)), 1.0);
}
