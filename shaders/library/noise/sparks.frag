#version 330 core
// noise/sparks: bright points where two noise fields peak together
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = vnoise(p * 6.0 + time * 0.5);
    float b = vnoise(p * 7.0 - time * 0.4 + 5.0);
    float v = pow(a * b, 4.0 - 2.0 * p0) * 8.0;
    fragColor = vec4(vec3(1.0, 0.6, 0.2) * v + vec3(0.05, 0.0, 0.1), 1.0);
}
