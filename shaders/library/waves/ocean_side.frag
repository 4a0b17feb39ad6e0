#version 330 core
// waves/ocean_side: side view of layered ocean swells under a sky
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec3 col = mix(vec3(0.9, 0.7, 0.5), vec3(0.3, 0.5, 0.8), uv.y);
    for (int i = 0; i < 5; i++) {
        float k = float(i);
        float h = 0.55 - 0.1 * k + 0.04 * sin(uv.x * (6.0 + k * 3.0) + time * (0.5 + 0.2 * k) + k * 2.0 + p0 * 6.0);
        col = mix(col, mix(vec3(0.0, 0.2, 0.4), vec3(0.1, 0.5, 0.6), k / 5.0 + 0.2 * p1), step(uv.y, h));
    }
    fragColor = vec4(col, 1.0);
}
