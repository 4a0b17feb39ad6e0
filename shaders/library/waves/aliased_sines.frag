#version 330 core
// waves/aliased_sines: high-frequency sines folding into moire at low resolution
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 c = gl_FragCoord.xy;
    float v = sin(c.x * c.x * (0.01 + 0.05 * p0) + time) + sin(c.y * c.y * (0.01 + 0.05 * p1));
    fragColor = vec4(vec3(0.5 + 0.25 * v), 1.0);
}
