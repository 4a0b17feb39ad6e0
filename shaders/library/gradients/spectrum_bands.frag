#version 330 core
// gradients/spectrum_bands: spectrum stripes bent along a curve
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float y = p.y - 0.4 * sin(p.x * (1.0 + 2.0 * p0) + time * 0.3);
    float t = clamp(y * 0.6 + 0.5, 0.0, 1.0);
    fragColor = vec4(hsv(t * 0.8 + p1, 0.8, 0.3 + 0.7 * smoothstep(0.0, 0.2, t) * smoothstep(1.0, 0.8, t)), 1.0);
}
