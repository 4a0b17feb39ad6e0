#version 330 core
// warps/marble: fbm warped by itself twice, marble veins in a cosine palette
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 1.2 + p0;
    vec2 q = vec2(fbm(p + 0.05 * time, 5), fbm(p + vec2(4.1, 2.7), 5));
    vec2 r = vec2(fbm(p + 3.0 * q + vec2(1.3, 8.1), 5), fbm(p + 3.0 * q + vec2(7.7, 0.4) + 0.07 * time, 5));
    float v = fbm(p + 3.0 * r, 5);
    vec3 col = cpal(v + p1, vec3(0.5), vec3(0.45), vec3(1.0), vec3(0.0, 0.12, 0.25));
    fragColor = vec4(col * (0.6 + 0.8 * length(q)), 1.0);
}
