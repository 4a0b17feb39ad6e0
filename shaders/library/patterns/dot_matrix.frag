#version 330 core
// patterns/dot_matrix: LED dot matrix showing a moving blob
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (6.0 + 6.0 * p0);
    vec2 c = floor(q) + 0.5;
    vec2 w = c / (6.0 + 6.0 * p0);
    float blob = smoothstep(0.7, 0.2, length(w - 0.4 * vec2(sin(time * 0.7), cos(time * 0.5))));
    float led = smoothstep(0.45, 0.3, length(q - c));
    fragColor = vec4(hsv(p1, 0.8, 1.0) * led * (0.15 + 0.85 * blob), 1.0);
}
