#version 330 core
// glitch/ascii_ramp: character-like glyph blocks with density from brightness
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float cells = 8.0 + 8.0 * p0;
    vec2 c = floor(uv * cells), f = fract(uv * cells);
    float tone = fbm(c / cells * 3.0 + time * 0.05, 4);
    float glyph = 0.0;
    if (tone > 0.35) glyph = max(glyph, step(abs(f.x - 0.5), 0.12));
    if (tone > 0.45) glyph = max(glyph, step(abs(f.y - 0.5), 0.12));
    if (tone > 0.55) glyph = max(glyph, step(abs(f.x - f.y), 0.15));
    if (tone > 0.65) glyph = max(glyph, step(abs(f.x + f.y - 1.0), 0.15));
    fragColor = vec4(mix(vec3(0.02, 0.05, 0.02), vec3(0.3, 1.0, 0.4) * (0.5 + tone), glyph) + 0.05 * p1, 1.0);
}
