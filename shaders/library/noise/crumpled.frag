#version 330 core
// noise/crumpled: noise gradients shaded as crumpled paper
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float e = 0.02;
    vec2 q = p * (2.0 + 2.0 * p0) + p1 * 9.0;
    float h = ridged(q, 4);
    vec2 g = vec2(ridged(q + vec2(e, 0.0), 4) - h, ridged(q + vec2(0.0, e), 4) - h) / e;
    vec3 n = normalize(vec3(-g * 0.3, 1.0));
    float light = dot(n, normalize(vec3(cos(time * 0.2), sin(time * 0.2), 1.0)));
    fragColor = vec4(vec3(0.95, 0.93, 0.88) * light, 1.0);
}
