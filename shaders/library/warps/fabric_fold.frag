#version 330 core
// warps/fabric_fold: warped sine layers like draped fabric with shading
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float h = sin(p.x * 3.0 + 1.5 * sin(p.y * 2.0 + time * 0.2)) + 0.5 * sin(p.y * 5.0 + p.x * 2.0);
    float e = 0.01;
    float hx = sin((p.x + e) * 3.0 + 1.5 * sin(p.y * 2.0 + time * 0.2)) + 0.5 * sin(p.y * 5.0 + (p.x + e) * 2.0);
    float shade = 0.5 + 4.0 * (hx - h);
    fragColor = vec4(hsv(p0, 0.6, 0.4 + 0.5 * clamp(shade, 0.0, 1.0)), 1.0);
}
