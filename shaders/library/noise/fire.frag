#version 330 core
// noise/fire: rising flame from noise stretched upward
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = vec2((uv.x - 0.5) * 3.0, uv.y * 2.0 - time * (0.6 + p0));
    float n = fbm(q * 2.0, 5);
    float f = clamp(1.2 - uv.y * 1.3 - abs(uv.x - 0.5) * 1.5 + (n - 0.5) * 1.2, 0.0, 1.0);
    vec3 col = vec3(1.5 * f, f * f * 1.2, pow(f, 4.0));
    fragColor = vec4(col, 1.0);
}
