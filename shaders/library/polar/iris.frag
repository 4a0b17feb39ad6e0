#version 330 core
// polar/iris: eye-like radial fibres with a dark pupil
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float fibres = fbm(vec2(q.x * 60.0, q.y * 4.0), 3);
    float pupil = 0.2 + 0.1 * sin(time * 0.5) * p0;
    vec3 col = hsv(0.3 + 0.4 * p1, 0.6, 0.3 + 0.7 * fibres) * smoothstep(pupil, pupil + 0.03, q.y);
    col *= smoothstep(0.95, 0.85, q.y);
    fragColor = vec4(col + vec3(0.9) * smoothstep(0.85, 0.95, q.y), 1.0);
}
