#version 330 core
// sdf/ellipse_field: ellipses of random eccentricity in a grid
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.5 + 2.0 * p0);
    vec2 c = floor(q), f = fract(q) - 0.5;
    vec2 ab = 0.1 + 0.3 * hash22(c);
    f = rot(hash12(c) * PI + time * 0.2) * f;
    float d = length(f / ab) - 1.0;
    fragColor = vec4(mix(hsv(hash12(c + 5.0) + p1, 0.6, 0.9), vec3(0.1, 0.12, 0.15), smoothstep(0.0, 0.2, d)), 1.0);
}
