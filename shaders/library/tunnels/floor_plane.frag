#version 330 core
// tunnels/floor_plane: perspective checker floor towards a horizon
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float horizon = 0.1 + 0.3 * (p0 - 0.5);
    vec3 sky = mix(vec3(0.9, 0.6, 0.4), vec3(0.2, 0.3, 0.7), clamp(p.y - horizon, 0.0, 1.0));
    float y = horizon - p.y;
    vec2 uv = vec2(p.x / max(y, 1e-3), 1.0 / max(y, 1e-3)) * 0.5 + vec2(0.0, time);
    float v = mod(floor(uv.x) + floor(uv.y), 2.0);
    vec3 ground = mix(hsv(p1, 0.5, 0.8), vec3(0.1), v) * (1.0 - exp(-y * 4.0));
    fragColor = vec4(y > 0.0 ? ground : sky, 1.0);
}
