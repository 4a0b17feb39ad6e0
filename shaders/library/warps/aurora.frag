#version 330 core
// warps/aurora: vertical curtains of light swaying on a dark sky
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float x = uv.x * (3.0 + 3.0 * p0) + 0.6 * fbm(vec2(uv.x * 2.0, time * 0.1), 4);
    float curtain = pow(0.5 + 0.5 * sin(x * 5.0 + time * 0.3), 4.0);
    float fade = smoothstep(0.2, 0.9, uv.y) * smoothstep(1.0, 0.6, uv.y);
    vec3 col = vec3(0.02, 0.03, 0.08) + curtain * fade * mix(vec3(0.1, 1.0, 0.5), vec3(0.7, 0.2, 1.0), uv.y);
    fragColor = vec4(col, 1.0);
}
