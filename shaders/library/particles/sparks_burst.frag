#version 330 core
// particles/sparks_burst: sparks flying out of an explosion and fading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float t = fract(time * 0.2 + p0);
    vec3 col = vec3(0.0);
    for (int i = 0; i < 24; i++) {
        float k = float(i);
        float a = TAU * hash11(k + floor(time * 0.2 + p0) * 7.0);
        float v = 0.5 + hash11(k + 50.0);
        vec2 c = vec2(cos(a), sin(a)) * v * t * 1.5 - vec2(0.0, t * t * 0.5);
        col += hsv(0.05 + 0.1 * hash11(k) + p1 * 0.3, 0.8, 1.0) * 0.002 / (dot(p - c, p - c) + 0.002) * (1.0 - t);
    }
    fragColor = vec4(col + vec3(0.03, 0.01, 0.0), 1.0);
}
