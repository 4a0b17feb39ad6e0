#version 330 core
// warps/sandstone: stratified layers bent by low-frequency noise
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float y = p.y + 0.6 * fbm(p * 0.8 + vec2(p0 * 10.0, 0.0), 4) + 0.05 * sin(time * 0.1);
    float layer = fbm(vec2(y * (6.0 + 6.0 * p1), p.x * 0.3), 3);
    vec3 col = mix(vec3(0.6, 0.3, 0.15), vec3(0.95, 0.75, 0.5), layer);
    col *= 0.85 + 0.15 * vnoise(p * 25.0);
    fragColor = vec4(col, 1.0);
}
