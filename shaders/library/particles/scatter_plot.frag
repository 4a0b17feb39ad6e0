#version 330 core
// particles/scatter_plot: noisy points around a trend line with axes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 g = abs(fract(uv * 5.0) - 0.5);
    vec3 col = mix(vec3(0.97), vec3(0.8, 0.85, 0.9), smoothstep(0.4, 0.5, max(g.x, g.y))) * (0.9 + 0.1 * uv.y);
    vec2 q = uv * 20.0;
    vec2 c = floor(q);
    float trend = c.x / 20.0 * (0.5 + p0) + 0.2;
    vec2 pt = vec2(c.x + 0.5, (trend + 0.15 * (hash12(c.xx + floor(time)) - 0.5)) * 20.0);
    float d = length(q - pt);
    col = mix(col, hsv(p1, 0.7, 0.7), smoothstep(0.6, 0.3, d));
    col = mix(col, vec3(0.1), step(uv.x, 0.03) + step(uv.y, 0.03));
    col = mix(col, vec3(0.8, 0.2, 0.2), smoothstep(0.01, 0.0, abs(uv.y - (uv.x * (0.5 + p0) + 0.2))) * 0.7);
    fragColor = vec4(col, 1.0);
}
