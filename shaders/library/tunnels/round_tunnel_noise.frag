#version 330 core
// tunnels/round_tunnel_noise: cylindrical tunnel textured with noise
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float z = 0.6 / (q.y + 0.03) + time * (0.5 + p0);
    float v = fbm(vec2(q.x * 8.0, z), 4);
    fragColor = vec4(cpal(v + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.15, 0.3)) * min(q.y * 2.0, 1.0), 1.0);
}
