#version 330 core
// gradients/glow_spots: soft coloured spotlights on a dark wall
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.05);
    for (int i = 0; i < 3; i++) {
        float k = float(i);
        vec2 c = 0.6 * vec2(sin(time * 0.3 + k * 2.1 + p0 * 6.0), cos(time * 0.2 + k * 1.4));
        col += hsv(k / 3.0 + p1, 0.8, 1.0) * exp(-dot(p - c, p - c) * (2.0 + 4.0 * p2));
    }
    fragColor = vec4(col, 1.0);
}
