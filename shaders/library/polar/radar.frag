#version 330 core
// polar/radar: a rotating sweep with fading trail and blips
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float sweep = fract(q.x - time * 0.25 * (0.5 + p0));
    float trail = pow(sweep, 6.0) * step(q.y, 0.95);
    float grid = step(0.96, fract(q.y * 4.0)) + step(0.99, fract(q.x * 8.0));
    float blip = step(0.97, hash12(floor(p * 9.0) + floor(time))) * trail;
    fragColor = vec4(vec3(0.1, 1.0, 0.3) * (trail * 0.8 + grid * 0.3 + blip), 1.0);
}
