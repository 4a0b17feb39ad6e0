#version 330 core
// fractal/ifs_tree: recursive branching built from mirrored rotations
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p + vec2(0.0, 0.8);
    float d = 1e9, s = 1.0;
    float angle = 0.4 + 0.3 * p0 + 0.05 * sin(time * 0.5);
    for (int i = 0; i < 8; i++) {
        d = min(d, sd_segment(q, vec2(0.0), vec2(0.0, 0.5)) * s);
        q.y -= 0.5;
        q.x = abs(q.x);
        q = rot(angle) * q;
        q *= 1.4;
        s /= 1.4;
    }
    vec3 sky = mix(vec3(0.95, 0.7, 0.5), vec3(0.3, 0.5, 0.9), 0.5 + 0.5 * p.y) * (0.8 + 0.2 * p1);
    fragColor = vec4(mix(sky, vec3(0.2, 0.12, 0.05), smoothstep(0.03, 0.0, d)), 1.0);
}
