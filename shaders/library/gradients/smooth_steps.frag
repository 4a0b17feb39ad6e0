#version 330 core
// gradients/smooth_steps: smoothstep terraces of a diagonal ramp
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float t = (p.x * cos(p0 * TAU) + p.y * sin(p0 * TAU)) * 2.0 + time * 0.1;
    float k = floor(t), f = fract(t);
    float v = (k + smoothstep(0.4, 0.6, f)) * 0.15;
    fragColor = vec4(cpal(v, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.1, 0.2, 0.3) + p1), 1.0);
}
