#version 330 core
// polar/vortex: twist increasing towards the centre over radial stripes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p);
    p = rot((2.0 + 4.0 * p0) / (r + 0.3) + time * 0.5) * p;
    float v = 0.5 + 0.5 * sin(atan(p.y, p.x) * (4.0 + floor(6.0 * p1)));
    fragColor = vec4(mix(vec3(0.0, 0.1, 0.3), vec3(0.6, 0.9, 1.0), v) * smoothstep(0.0, 0.3, r), 1.0);
}
