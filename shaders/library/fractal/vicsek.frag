#version 330 core
// fractal/vicsek: plus-shaped recursive cross fractal
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv + vec2(0.01 * sin(time * 0.2), 0.0);
    float on = 1.0;
    float depth = 0.0;
    for (int i = 0; i < 4; i++) {
        q *= 3.0;
        vec2 d = floor(mod(q, 3.0));
        bool cross = d.x == 1.0 || d.y == 1.0;
        if (!cross) { on = 0.0; break; }
        depth += 1.0;
    }
    vec3 back = vec3(0.05) + 0.25 * vec3(uv.x, uv.y, 1.0 - uv.x);
    fragColor = vec4(mix(back, hsv(depth * 0.2 + p0 + 0.3 * uv.y, 0.8, 1.0), on), 1.0);
}
