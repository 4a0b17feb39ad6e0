#version 330 core
// noise/blue_static: colour noise blocks of random size
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float s = 4.0 + floor(12.0 * p0);
    vec2 c = floor(uv * s) + floor(time * 4.0) * 13.0;
    fragColor = vec4(hash12(c), hash12(c + 71.0), hash12(c + 143.0), 1.0);
}
