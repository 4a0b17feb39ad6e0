#version 330 core
// polar/log_spiral: logarithmic spiral arms, self-similar towards the centre
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float v = sin(TAU * q.x * (2.0 + floor(4.0 * p0)) + log(q.y + 1e-3) * (4.0 + 4.0 * p1) - time);
    fragColor = vec4(0.5 + 0.5 * cos(v * 2.0 + vec3(0.0, 2.0, 4.0)), 1.0);
}
