#version 330 core
// sdf/lens_shapes: intersecting circles (vesica) in a row, coloured overlaps
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = 0.5 + 0.2 * p0;
    float s = 0.35 + 0.1 * sin(time * 0.4);
    float a = length(p - vec2(-s, 0.0)) - r;
    float b = length(p - vec2(s, 0.0)) - r;
    float c = length(p - vec2(0.0, s * 1.2)) - r;
    vec3 col = vec3(0.1);
    col += hsv(p1, 0.7, 0.5) * step(a, 0.0);
    col += hsv(p1 + 0.33, 0.7, 0.5) * step(b, 0.0);
    col += hsv(p1 + 0.66, 0.7, 0.5) * step(c, 0.0);
    fragColor = vec4(col, 1.0);
}
