#version 330 core
// gradients/aurora_gradient: vertical gradient bands shifting in hue across x
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float h = uv.x * 0.3 + 0.1 * sin(uv.y * 6.0 + time * 0.5) + p0;
    fragColor = vec4(hsv(h, 0.7, smoothstep(0.0, 0.6, uv.y) * (0.6 + 0.4 * p1)) + vec3(0.02, 0.0, 0.05), 1.0);
}
