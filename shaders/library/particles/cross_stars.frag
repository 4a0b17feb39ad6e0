#version 330 core
// particles/cross_stars: four-point twinkling stars over a gradient sky
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = mix(vec3(0.05, 0.05, 0.2), vec3(0.3, 0.1, 0.3), 0.5 - 0.5 * p.y);
    vec2 q = p * (3.0 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5 - 0.3 * (hash22(c) - 0.5);
    float tw = 0.5 + 0.5 * sin(time * 3.0 + hash12(c) * 30.0);
    float star = (0.002 / (f.x * f.x + 0.002) * 0.02 / (abs(f.y) + 0.02) + 0.002 / (f.y * f.y + 0.002) * 0.02 / (abs(f.x) + 0.02)) * 0.15;
    fragColor = vec4(col + vec3(1.0, 0.95, 0.8) * star * tw * step(0.4, hash12(c + 5.0)) * (0.5 + p1), 1.0);
}
