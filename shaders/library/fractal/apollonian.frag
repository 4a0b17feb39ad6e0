#version 330 core
// fractal/apollonian: circle inversions packing nested circles
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.0 + 0.5 * p0);
    float scale = 1.0;
    for (int i = 0; i < 8; i++) {
        q = -1.0 + 2.0 * fract(0.5 * q + 0.5);
        float r2 = dot(q, q);
        float k = (1.1 + 0.1 * sin(time * 0.2)) / r2;
        q *= k;
        scale *= k;
    }
    float d = 0.25 * abs(q.y) / scale;
    fragColor = vec4(vec3(pow(clamp(d * 30.0, 0.0, 1.0), 0.3)) * hsv(p1, 0.3, 1.0), 1.0);
}
