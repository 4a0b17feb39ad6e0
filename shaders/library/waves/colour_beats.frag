#version 330 core
// waves/colour_beats: RGB channels as gratings of slightly different frequency
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float k = 10.0 + 10.0 * p0;
    vec3 f = k * vec3(1.0, 1.0 + 0.05 + 0.1 * p1, 1.0 + 0.1 + 0.2 * p1);
    vec3 col = 0.5 + 0.5 * sin(f * length(p) - time * vec3(1.0, 1.1, 1.2));
    fragColor = vec4(col, 1.0);
}
