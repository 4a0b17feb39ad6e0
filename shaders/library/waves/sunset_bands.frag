#version 330 core
// waves/sunset_bands: horizontal colour bands rippled by waves
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float y = uv.y + 0.03 * sin(uv.x * 12.0 + time) * (1.0 - uv.y) + 0.02 * p0 * sin(uv.x * 30.0);
    float band = floor(y * (5.0 + 5.0 * p1));
    fragColor = vec4(cpal(band * 0.1, vec3(0.6, 0.4, 0.4), vec3(0.4, 0.3, 0.3), vec3(1.0), vec3(0.0, 0.1, 0.25)), 1.0);
}
