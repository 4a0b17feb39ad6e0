#version 330 core
// waves/sine_contours: contour bands of a product of sines
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 2.0 + 2.0 * p0;
    float v = sin(p.x + time * 0.3) * sin(p.y - time * 0.2) + 0.5 * sin(p.x * p.y * 0.5);
    float band = floor(v * (3.0 + 3.0 * p1));
    fragColor = vec4(cpal(band * 0.1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.1, 0.4, 0.7)), 1.0);
}
