#version 330 core
// noise/value_octaves: plain value-noise fbm, grey
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    fragColor = vec4(vec3(fbm(p * (1.5 + 2.0 * p0) + vec2(0.1 * time, p1 * 20.0), 6)), 1.0);
}
