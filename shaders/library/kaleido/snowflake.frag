#version 330 core
// kaleido/snowflake: sixfold fold with branching segments
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = kfold(p, 6.0);
    float d = sd_segment(q, vec2(0.0), vec2(0.9, 0.0));
    for (int i = 1; i < 4; i++) {
        float x = 0.2 * float(i) + 0.05 * p0;
        float l = 0.25 * (1.0 - 0.2 * float(i)) * (0.5 + p1);
        d = min(d, sd_segment(q, vec2(x, 0.0), vec2(x + l * 0.7, l * 0.7)));
    }
    float v = smoothstep(0.05, 0.0, d - 0.01 * sin(time));
    fragColor = vec4(mix(vec3(0.05, 0.1, 0.3), vec3(0.85, 0.95, 1.0), v) + 0.1 * (1.0 - length(p)), 1.0);
}
