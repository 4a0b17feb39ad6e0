#version 330 core
// waves/standing_wave: standing waves in a box, amplitude as colour
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float kx = 1.0 + floor(4.0 * p0), ky = 1.0 + floor(4.0 * p1);
    float v = sin(kx * PI * (p.x + 1.0) * 0.5) * sin(ky * PI * (p.y + 1.0) * 0.5) * cos(time * 2.0);
    fragColor = vec4(v > 0.0 ? vec3(1.0, 0.4, 0.2) * v : vec3(0.2, 0.4, 1.0) * -v, 1.0);
}
