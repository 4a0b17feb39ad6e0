#version 330 core
// warps/oil_film: thin-film colours from a warped height field
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p + 0.4 * vec2(vnoise(p * 2.0 + time * 0.1), vnoise(p * 2.0 + 9.0));
    float h = gfbm(q * (1.0 + p0), 4);
    vec3 col = 0.5 + 0.5 * cos(TAU * (h * 3.0 + vec3(0.0, 0.33, 0.67) + p1));
    fragColor = vec4(col * (0.7 + 0.3 * h), 1.0);
}
