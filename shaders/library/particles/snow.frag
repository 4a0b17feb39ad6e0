#version 330 core
// particles/snow: snowflakes of several sizes drifting down
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec3 col = mix(vec3(0.3, 0.35, 0.5), vec3(0.1, 0.12, 0.25), uv.y);
    for (int i = 0; i < 3; i++) {
        float s = 6.0 + 6.0 * float(i) + 4.0 * p0;
        vec2 q = uv * s + vec2(0.3 * sin(time * 0.5 + float(i)), time * (0.5 + 0.3 * float(i)));
        vec2 c = floor(q);
        vec2 o = 0.2 + 0.6 * hash22(c + float(i) * 11.0);
        float flake = smoothstep(0.12, 0.0, length(fract(q) - o)) * step(0.3, hash12(c + 2.0));
        col += vec3(0.9) * flake * (1.0 - 0.25 * float(i));
    }
    fragColor = vec4(col, 1.0);
}
