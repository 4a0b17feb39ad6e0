#version 330 core
// glitch/noise_tv: grainy noise with a rolling bright band
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float n = hash13(vec3(gl_FragCoord.xy, floor(time * 24.0)));
    float band = smoothstep(0.1, 0.0, abs(fract(uv.y - time * 0.3) - 0.5) - 0.2);
    float v = n * (0.6 + 0.4 * band) + 0.1 * p0;
    fragColor = vec4(vec3(v) * hsv(0.3 * p1, 0.2, 1.0), 1.0);
}
