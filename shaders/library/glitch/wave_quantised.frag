#version 330 core
// glitch/wave_quantised: sine wave sampled on a coarse grid like an old display
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float cells = 10.0 + 14.0 * p0;
    vec2 c = floor(uv * cells) / cells;
    float y = 0.5 + 0.35 * sin(c.x * TAU * (1.0 + p1) + time);
    float on = step(abs(c.y - y), 1.5 / cells);
    float glow = exp(-abs(c.y - y) * 8.0);
    fragColor = vec4(vec3(1.0, 0.6, 0.1) * (on + 0.3 * glow) + vec3(0.05), 1.0);
}
