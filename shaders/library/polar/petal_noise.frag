#version 330 core
// polar/petal_noise: rose curve radius perturbed by noise
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float k = 2.0 + floor(5.0 * p0);
    float r = abs(cos(q.x * TAU * k * 0.5)) * (0.7 + 0.3 * vnoise(vec2(q.x * 20.0, time * 0.3)));
    float v = smoothstep(0.03, 0.0, q.y - r);
    fragColor = vec4(mix(vec3(0.05, 0.0, 0.1), hsv(p1 + q.y * 0.3, 0.7, 1.0), v), 1.0);
}
