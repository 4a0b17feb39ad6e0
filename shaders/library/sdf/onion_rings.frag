#version 330 core
// sdf/onion_rings: repeated onion (abs) operator on a shape
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = sd_box(rot(time * 0.15) * p, vec2(0.5, 0.3)) ;
    for (int i = 0; i < 3; i++) d = abs(d) - 0.08 * (1.0 + p0) / float(i + 1);
    float r = length(p);
    fragColor = vec4(mix(hsv(p1 + 0.3 * r, 0.7, 1.0 - 0.4 * r), vec3(0.05, 0.05, 0.1) + 0.1 * r, smoothstep(0.0, 0.015, d)), 1.0);
}
