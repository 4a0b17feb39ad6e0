#version 330 core
// patterns/argyle: diamond argyle pattern with crossing lines
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = rot(PI * 0.25) * p * (2.0 + 2.0 * p0);
    vec2 c = floor(q);
    float diamond = mod(c.x + c.y, 2.0);
    vec3 col = mix(hsv(p1, 0.6, 0.6), hsv(p1 + 0.15, 0.5, 0.85), diamond);
    vec2 l = abs(fract(p * (2.0 + 2.0 * p0) * 0.7071 + time * 0.02) - 0.5);
    col = mix(col, vec3(0.95), smoothstep(0.03, 0.0, min(l.x, l.y)) * 0.8);
    fragColor = vec4(col, 1.0);
}
