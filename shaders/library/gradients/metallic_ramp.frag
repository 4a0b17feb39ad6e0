#version 330 core
// gradients/metallic_ramp: brushed-metal look from a gradient with streaky noise
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p = rot(p0 * PI) * p;
    float streak = vnoise(vec2(p.x * 40.0, p.y * 1.5));
    float g = 0.5 + 0.4 * sin(p.y * 2.0 + time * 0.1);
    fragColor = vec4(vec3(g * (0.85 + 0.3 * streak)) * hsv(0.1 * p1, 0.2, 1.0), 1.0);
}
