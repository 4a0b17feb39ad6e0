#version 330 core
// gradients/cosine_palette_ramp: a linear ramp through a random cosine palette
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2, p3;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float t = dot(p, vec2(cos(p0 * TAU), sin(p0 * TAU))) * 0.5 + 0.5 + time * 0.02;
    vec3 a = vec3(0.5), b = vec3(0.5), c = vec3(1.0) * (0.5 + p1), d = vec3(p2, p3, 0.5 * (p2 + p3));
    fragColor = vec4(cpal(t, a, b, c, d), 1.0);
}
