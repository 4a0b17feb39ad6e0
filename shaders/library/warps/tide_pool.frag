#version 330 core
// warps/tide_pool: caustic light pattern over sand
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + p0);
    float c = 0.0;
    for (int i = 0; i < 4; i++) {
        q += vec2(sin(q.y + time * 0.5 + float(i)), cos(q.x - time * 0.4 + float(i) * 1.3)) * 0.5;
        c += 1.0 / (1.0 + 8.0 * abs(sin(q.x) * sin(q.y)));
    }
    vec3 sand = vec3(0.8, 0.7, 0.5) * (0.8 + 0.2 * vnoise(p * 30.0));
    fragColor = vec4(sand * 0.4 + vec3(0.6, 0.9, 1.0) * c * 0.22, 1.0);
}
