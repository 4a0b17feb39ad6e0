#version 330 core
// warps/heat_shimmer: vertical bars bent by rising heat waves
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    uv.x += 0.03 * (1.0 + 3.0 * p0) * sin(uv.y * 20.0 - time * 3.0) * vnoise(uv * 6.0 + vec2(0.0, -time));
    float bars = step(0.5, fract(uv.x * (4.0 + 6.0 * p1)));
    vec3 col = mix(vec3(0.9, 0.5, 0.1), vec3(0.1, 0.1, 0.3), bars) * (0.6 + 0.4 * uv.y);
    fragColor = vec4(col, 1.0);
}
