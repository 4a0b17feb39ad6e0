#version 330 core
// waves/sine_terrain: sines layered into a height field with lighting
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 2.0 + p0;
    float h = sin(p.x) * sin(p.y * 1.3) + 0.5 * sin(p.x * 2.1 + p.y + time * 0.2) + 0.25 * sin(p.y * 4.3 - p.x * 1.7);
    float hx = cos(p.x) * sin(p.y * 1.3) + 1.05 * cos(p.x * 2.1 + p.y + time * 0.2) - 0.425 * cos(p.y * 4.3 - p.x * 1.7);
    vec3 col = mix(vec3(0.2, 0.5, 0.2), vec3(0.8, 0.7, 0.5), smoothstep(-0.5, 1.0, h)) * (0.6 + 0.3 * hx);
    fragColor = vec4(col + 0.05 * p1, 1.0);
}
