#version 330 core
// polar/sunburst: rays fading out from a bright core
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float rays = 0.5 + 0.5 * sin(q.x * TAU * (6.0 + floor(10.0 * p0)) + time);
    float core = exp(-3.0 * q.y);
    fragColor = vec4(vec3(1.0, 0.8, 0.3) * (core + rays * 0.6 * (1.0 - q.y * 0.5)), 1.0);
}
