#version 330 core
// particles/pollen: glowing specks on a blurred green background
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = mix(vec3(0.2, 0.4, 0.1), vec3(0.5, 0.7, 0.2), fbm(p * 1.5 + p0 * 10.0, 3));
    vec2 q = p * 6.0 + vec2(sin(time * 0.1), time * 0.1);
    vec2 c = floor(q);
    float s = smoothstep(0.15, 0.0, length(fract(q) - hash22(c))) * step(0.5, hash12(c + 8.0));
    fragColor = vec4(col + vec3(1.0, 0.95, 0.5) * s * (0.5 + p1), 1.0);
}
