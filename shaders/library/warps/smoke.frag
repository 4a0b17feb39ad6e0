#version 330 core
// warps/smoke: turbulence displaced upward, grey wisps
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv * vec2(2.0, 3.0);
    q.x += 0.5 * sin(q.y * 1.3 + time * 0.3);
    q += 0.7 * vec2(turb(q + vec2(0.0, -0.3 * time), 4), turb(q * 1.3 + 5.0, 4));
    float v = turb(q, 5) * (1.2 - uv.y * (0.5 + p0));
    fragColor = vec4(vec3(smoothstep(0.1, 0.7, v)), 1.0);
}
