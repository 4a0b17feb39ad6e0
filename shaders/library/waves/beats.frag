#version 330 core
// waves/beats: two gratings of close frequency beating into broad bands
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float k = 15.0 + 10.0 * p0;
    float a = sin(p.x * k + time);
    float b = sin(p.x * (k + 1.0 + 2.0 * p1) * cos(0.2) + p.y * k * sin(0.2));
    fragColor = vec4(vec3(0.5 + 0.25 * (a + b)) * vec3(1.0, 0.9, 0.7), 1.0);
}
