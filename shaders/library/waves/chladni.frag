#version 330 core
// waves/chladni: nodal lines of a vibrating square plate
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float n = 1.0 + floor(5.0 * p0), m = 2.0 + floor(5.0 * p1);
    vec2 q = p * PI * 0.5;
    float v = cos(n * q.x) * cos(m * q.y) - cos(m * q.x) * cos(n * q.y) * cos(time * 0.2);
    fragColor = vec4(mix(vec3(0.1, 0.08, 0.05), vec3(0.95, 0.9, 0.75), smoothstep(0.15, 0.0, abs(v))), 1.0);
}
