#version 330 core
// warps/electric: jagged glowing filaments from distance to a warped line
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float w = 0.0;
    for (int i = 0; i < 3; i++) {
        float k = float(i);
        float y = (gfbm(vec2(p.x * 2.0 + k * 7.0, time * 0.8 + k), 4) - 0.5) * (1.2 + p0);
        w += 0.015 / abs(p.y - y + 0.3 * (k - 1.0));
    }
    fragColor = vec4(vec3(0.4, 0.6, 1.0) * w + vec3(w * w * 0.1), 1.0);
}
