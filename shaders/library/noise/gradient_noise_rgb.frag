#version 330 core
// noise/gradient_noise_rgb: three independent noise channels
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 1.0 + 2.0 * p0;
    float r = gfbm(p + vec2(0.05 * time, 0.0), 4);
    float g = gfbm(p + vec2(13.0, 0.04 * time), 4);
    float b = gfbm(p + vec2(31.0, -0.03 * time), 4);
    fragColor = vec4(smoothstep(0.3, 0.7, vec3(r, g, b)), 1.0);
}
