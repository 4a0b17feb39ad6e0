#version 330 core
// waves/sound_bars: equaliser bars with peaks
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float n = 8.0 + floor(16.0 * p0);
    float i = floor(uv.x * n);
    float h = 0.2 + 0.7 * abs(sin(i * 1.3 + time * (1.0 + 0.3 * hash11(i)))) * (0.5 + 0.5 * vnoise(vec2(i, time)));
    float bar = step(uv.y, h) * step(0.1, fract(uv.x * n));
    vec3 col = mix(vec3(0.1, 0.9, 0.3), vec3(1.0, 0.2, 0.1), uv.y) * bar;
    fragColor = vec4(col + vec3(0.05, 0.05, 0.1) * (1.0 - bar), 1.0);
}
