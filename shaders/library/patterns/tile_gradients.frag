#version 330 core
// patterns/tile_gradients: tiles each filled with a randomly oriented gradient
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    float a = TAU * hash12(c) + time * 0.1;
    float g = 0.5 + dot(f, vec2(cos(a), sin(a)));
    fragColor = vec4(hsv(hash12(c + 2.0) * 0.5 + p1, 0.6, g), 1.0);
}
