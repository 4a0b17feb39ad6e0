#version 330 core
// gradients/vignette_colour: a flat colour field with vignette and grain
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float vig = 1.0 - 0.6 * dot(p, p) * (0.5 + p0);
    float grain = 0.08 * (hash13(vec3(gl_FragCoord.xy, floor(time * 10.0))) - 0.5);
    fragColor = vec4(hsv(p1, 0.5 + 0.3 * p2, 0.9) * vig + grain, 1.0);
}
