#version 330 core
// sdf/nested_circles: circles inside circles, alternating fill
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = length(p - 0.2 * vec2(sin(time * 0.3), cos(time * 0.2))) - 0.9;
    float k = floor(-d * (5.0 + 5.0 * p0));
    vec3 col = d > 0.0 ? vec3(0.15) : hsv(k * 0.1 + p1, 0.6, 0.4 + 0.6 * mod(k, 2.0));
    fragColor = vec4(col, 1.0);
}
