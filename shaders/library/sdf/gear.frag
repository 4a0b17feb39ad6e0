#version 330 core
// sdf/gear: a gear wheel with teeth and a hub
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = rot(time * 0.3) * p;
    float n = 8.0 + floor(8.0 * p0);
    float a = atan(q.y, q.x);
    float r = length(q);
    float teeth = 0.65 + 0.08 * smoothstep(-0.2, 0.2, sin(a * n));
    float d = max(r - teeth, -(r - 0.15));
    vec3 metal = vec3(0.6, 0.62, 0.65) * (0.7 + 0.3 * sin(a * 2.0 + 1.0));
    fragColor = vec4(mix(metal, vec3(0.15, 0.2, 0.3) + 0.1 * p1, smoothstep(0.0, 0.02, d)), 1.0);
}
