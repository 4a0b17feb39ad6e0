#version 330 core
// noise/fur: anisotropic noise stretched along one direction
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p = rot(p0 * PI + 0.1 * sin(time * 0.2)) * p;
    float v = fbm(vec2(p.x * 2.0, p.y * 25.0), 4);
    v *= 0.6 + 0.4 * vnoise(p * 3.0 + 0.1 * time);
    fragColor = vec4(vec3(0.6, 0.4, 0.25) * (0.3 + 1.2 * v), 1.0);
}
