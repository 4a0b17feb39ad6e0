#version 330 core
// tunnels/vanishing_stripes: perspective road stripes converging to a point
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float y = -p.y + 0.2 * p0;
    vec3 sky = mix(vec3(1.0, 0.5, 0.2), vec3(0.2, 0.1, 0.4), clamp(p.y * 2.0, 0.0, 1.0));
    float z = 1.0 / max(y, 1e-3);
    float x = p.x * z;
    float road = step(abs(x), 1.5);
    float dash = step(abs(x), 0.05) * step(0.5, fract(z * 0.3 + time));
    float edge = step(abs(abs(x) - 1.4), 0.05);
    vec3 ground = mix(vec3(0.1, 0.4, 0.1) * (0.7 + 0.3 * p1), vec3(0.2), road) + vec3(1.0) * (dash + edge) * road;
    fragColor = vec4(y > 0.0 ? ground * (1.0 - exp(-y * 5.0)) : sky, 1.0);
}
