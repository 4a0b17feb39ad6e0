#version 330 core
// kaleido/gem: faceted shading from fold-dependent normals
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 6.0 + floor(6.0 * p0);
    float w = TAU / n;
    float a = atan(p.y, p.x);
    float facet = floor(a / w);
    float r = length(p);
    float ring = floor(r * 4.0);
    float shade = hash12(vec2(facet, ring) + floor(p1 * 10.0));
    vec3 col = hsv(0.55 + 0.3 * p2, 0.6, 0.3 + 0.7 * shade) * step(r, 0.95);
    fragColor = vec4(col + 0.05 * sin(time), 1.0);
}
