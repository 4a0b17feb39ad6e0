#version 330 core
// glitch/hash_mosaic: every pixel cluster hashed to a palette index
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float cells = 4.0 + floor(20.0 * p0);
    vec2 c = floor(uv * cells + floor(time) * 3.0);
    float idx = floor(hash12(c) * 4.0);
    vec3 col = cpal(idx / 4.0 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67));
    fragColor = vec4(col, 1.0);
}
