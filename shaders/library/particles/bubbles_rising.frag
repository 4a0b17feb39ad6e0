#version 330 core
// particles/bubbles_rising: translucent bubbles rising and wobbling
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = mix(vec3(0.0, 0.2, 0.35), vec3(0.0, 0.05, 0.15), 0.5 - 0.5 * p.y);
    for (int i = 0; i < 14; i++) {
        float k = float(i);
        float x = 2.0 * hash11(k) - 1.0 + 0.1 * sin(time * 2.0 + k);
        float y = mod(time * (0.2 + 0.2 * hash11(k + 5.0)) + hash11(k + 9.0) * 2.4, 2.4) - 1.2;
        float r = 0.05 + 0.1 * hash11(k + 2.0) * (0.5 + p0);
        float d = length(p - vec2(x, y));
        col += vec3(0.6, 0.9, 1.0) * (smoothstep(r, r - 0.02, d) * 0.15 + smoothstep(0.02, 0.0, abs(d - r)) * 0.6);
    }
    fragColor = vec4(col * (0.8 + 0.3 * p1), 1.0);
}
