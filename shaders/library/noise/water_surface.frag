#version 330 core
// noise/water_surface: sum of moving noise layers as bright crests
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = gnoise(p * 3.0 + vec2(time * 0.3, 0.0));
    float b = gnoise(p * 4.0 * (1.0 + p0) + vec2(0.0, time * 0.25));
    float v = pow(1.0 - abs(a + b - 1.0), 6.0);
    fragColor = vec4(mix(vec3(0.0, 0.2, 0.35), vec3(0.7, 0.95, 1.0), v), 1.0);
}
