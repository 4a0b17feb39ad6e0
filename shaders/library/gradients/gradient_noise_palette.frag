#version 330 core
// gradients/gradient_noise_palette: smooth noise mapped through a cosine palette, two scales
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = 0.7 * vnoise(p * 1.5 + time * 0.05) + 0.3 * vnoise(p * 4.0 - time * 0.07);
    fragColor = vec4(cpal(v * 1.5, vec3(0.5), vec3(0.5), vec3(1.0, 0.9, 0.8), vec3(p0, p1, p2)), 1.0);
}
