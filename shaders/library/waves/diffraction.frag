#version 330 core
// waves/diffraction: two-slit intensity pattern with fringes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = 0.3 + 0.3 * p0;
    float k = 30.0 + 20.0 * p1;
    float r1 = length(p - vec2(-1.2, d * 0.5)), r2 = length(p - vec2(-1.2, -d * 0.5));
    float a = cos(k * r1 - time * 3.0) + cos(k * r2 - time * 3.0);
    float intensity = a * a * 0.25;
    fragColor = vec4(hsv(0.55 + 0.1 * p2, 0.5, 1.0) * intensity, 1.0);
}
