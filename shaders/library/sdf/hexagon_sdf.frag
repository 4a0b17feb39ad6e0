#version 330 core
// sdf/hexagon_sdf: exact hexagon distance field, repeated and banded
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float sd_hex_(vec2 p, float r) {
    const vec3 k = vec3(-0.8660254, 0.5, 0.57735);
    p = abs(p);
    p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;
    p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);
    return length(p) * sign(p.y);
}
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = sd_hex_(rot(time * 0.1) * p, 0.5 + 0.2 * p0);
    fragColor = vec4(cpal(d * (2.0 + 2.0 * p1), vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.2, 0.3, 0.5)) * (0.8 + 0.2 * sign(d)), 1.0);
}
