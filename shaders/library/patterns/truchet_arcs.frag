#version 330 core
// patterns/truchet_arcs: quarter-circle truchet tiles forming random paths
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0) + vec2(time * 0.1, 0.0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    if (hash12(c) > 0.5) f.x = -f.x;
    float d = abs(length(f - sign(f.x + f.y + 1e-4) * 0.5) - 0.5);
    float band = smoothstep(0.18, 0.12, d);
    fragColor = vec4(mix(hsv(p1, 0.3, 0.25), hsv(p1 + 0.5, 0.6, 0.95), band) * (0.7 + 0.3 * smoothstep(0.0, 0.12, d)), 1.0);
}
