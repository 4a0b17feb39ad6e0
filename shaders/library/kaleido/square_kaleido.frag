#version 330 core
// kaleido/square_kaleido: nested square mirrors with colour per depth
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p;
    float depth = 0.0;
    for (int i = 0; i < 5; i++) {
        q = abs(q);
        if (q.x < q.y) q = q.yx;
        q = q * (1.4 + 0.3 * p0) - vec2(0.5, 0.2);
        depth += step(0.0, q.x);
    }
    fragColor = vec4(hsv(depth * 0.15 + p1 + time * 0.02, 0.7, 0.5 + 0.5 * sin(length(q) * 3.0)), 1.0);
}
