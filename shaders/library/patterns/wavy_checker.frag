#version 330 core
// patterns/wavy_checker: checkerboard bent by sine waves
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    q += 0.3 * sin(q.yx * 2.0 + time * 0.5);
    float v = mod(floor(q.x) + floor(q.y), 2.0);
    vec3 a = hsv(p1, 0.6, 0.9), b = hsv(p1 + 0.4, 0.6, 0.3);
    fragColor = vec4(mix(a, b, v) * (0.8 + 0.2 * sin(q.x * 3.0)), 1.0);
}
