#version 330 core
// polar/moire_rings: two ring sets slightly offset, beating moire
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float k = 20.0 + 20.0 * p0;
    float a = 0.5 + 0.5 * sin(length(p) * k);
    float b = 0.5 + 0.5 * sin(length(p - vec2(0.1 * sin(time * 0.3), 0.05 + 0.1 * p1)) * k);
    fragColor = vec4(vec3(a * b, abs(a - b), a * (1.0 - b)), 1.0);
}
