#version 330 core
// fractal/koch_fold: Koch snowflake edge by reflective folding
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p * (1.1 + 0.2 * p0), 6.0);
    q.x -= 0.6;
    float s = 1.0;
    for (int i = 0; i < 5; i++) {
        q.y = abs(q.y);
        q = q * 3.0;
        s *= 3.0;
        vec2 n = vec2(-0.5, 0.8660254);
        q -= 2.0 * min(0.0, dot(q, n)) * n;
        q.x -= 1.0;
    }
    float d = q.x / s;
    float r = length(p);
    vec3 inside = hsv(p1 + 0.3 * r, 0.6, 0.6 + 0.4 * cos(r * 9.0 - time));
    vec3 outside = vec3(0.05, 0.05, 0.15) + 0.3 * vec3(0.5 + 0.5 * p.y);
    fragColor = vec4(mix(inside, outside, smoothstep(-0.01, 0.01, d + 0.02 * sin(time))), 1.0);
}
