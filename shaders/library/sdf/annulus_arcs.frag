#version 330 core
// sdf/annulus_arcs: broken ring arcs rotating at different speeds
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.05);
    for (int i = 0; i < 5; i++) {
        float k = float(i);
        float r = 0.2 + 0.17 * k;
        vec2 q = rot(time * (0.2 + 0.15 * k) * (mod(k, 2.0) * 2.0 - 1.0)) * p;
        float a = atan(q.y, q.x);
        float on = step(0.0, sin(a * (1.0 + floor(3.0 * p0)) + k));
        float ring = smoothstep(0.05, 0.03, abs(length(p) - r));
        col = mix(col, hsv(k * 0.15 + p1, 0.7, 1.0), ring * on);
    }
    fragColor = vec4(col, 1.0);
}
