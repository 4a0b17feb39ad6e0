#version 330 core
// kaleido/compass_rose: star polygon through fold, layered points
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(rot(p0 * TAU + time * 0.05) * p, 8.0);
    float star = q.y - (0.9 - q.x) * (0.15 + 0.2 * p1);
    vec2 q2 = kfold(rot(PI / 8.0) * p, 8.0);
    float star2 = q2.y - (0.6 - q2.x) * 0.2;
    vec3 col = vec3(0.9, 0.85, 0.7);
    col = mix(col, vec3(0.7, 0.1, 0.1), step(star2, 0.0) * step(q2.x, 0.6));
    col = mix(col, vec3(0.1, 0.15, 0.3), step(star, 0.0) * step(q.x, 0.9) * step(0.0, q.y + 0.0));
    fragColor = vec4(col * (0.8 + 0.2 * q.x), 1.0);
}
