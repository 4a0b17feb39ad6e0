#version 330 core
// waves/interference_sources: circular waves from several moving point sources
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float s = 0.0;
    int n = 2 + int(4.0 * p0);
    for (int i = 0; i < 6; i++) {
        if (i >= n) break;
        float k = float(i);
        vec2 c = 0.7 * vec2(sin(k * 2.1 + time * 0.2), cos(k * 1.7 + time * 0.15));
        s += sin(length(p - c) * (12.0 + 8.0 * p1) - time * 2.0);
    }
    fragColor = vec4(vec3(0.5 + 0.5 * s / float(n)) * hsv(p2, 0.4, 1.0), 1.0);
}
