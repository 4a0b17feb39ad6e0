#version 330 core
// gradients/gradient_stripes_overlay: soft stripes over a two-way gradient
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec3 base = mix(hsv(p0, 0.6, 0.9), hsv(p0 + 0.4, 0.6, 0.4), uv.x * uv.y);
    float stripes = 0.85 + 0.15 * sin((uv.x - uv.y) * (20.0 + 20.0 * p1) + time);
    fragColor = vec4(base * stripes, 1.0);
}
