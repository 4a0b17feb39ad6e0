#version 330 core
// glitch/rgb_split: a shape whose colour channels drift apart
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col;
    for (int i = 0; i < 3; i++) {
        vec2 q = p + (0.05 + 0.1 * p0) * vec2(cos(time + float(i) * 2.1), sin(time * 0.7 + float(i) * 2.1));
        col[i] = smoothstep(0.52, 0.48, sd_box(q, vec2(0.4)) + 0.5) + 0.2 * smoothstep(0.7, 0.0, length(q));
    }
    fragColor = vec4(col + 0.05 * p1, 1.0);
}
