#version 330 core
// patterns/scales: overlapping fish scales with rim shading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv * (4.0 + 4.0 * p0) + vec2(0.0, time * 0.05);
    q.x += 0.5 * mod(floor(q.y * 2.0), 2.0);
    vec2 f = vec2(fract(q.x) - 0.5, fract(q.y * 2.0) * 0.5);
    float d = length(f);
    float rim = smoothstep(0.45, 0.5, d);
    vec3 col = hsv(0.45 + 0.2 * p1 + 0.1 * d, 0.6, 0.9 - 0.6 * d) * (1.0 - 0.7 * rim);
    fragColor = vec4(col, 1.0);
}
