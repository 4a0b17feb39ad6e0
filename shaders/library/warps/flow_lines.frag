#version 330 core
// warps/flow_lines: streamlines of a curl-like field drawn as bright lines
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.0 + p0);
    for (int i = 0; i < 8; i++) {
        float a = TAU * vnoise(q * 1.5 + 0.02 * time);
        q += 0.06 * vec2(cos(a), sin(a));
    }
    float v = 0.5 + 0.5 * sin(q.x * 14.0 + q.y * 3.0);
    fragColor = vec4(vec3(pow(v, 3.0)) * vec3(0.6, 0.9, 1.0) + 0.05, 1.0);
}
