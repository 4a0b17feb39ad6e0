#version 330 core
// tunnels/cube_wireframe: a rotating wire cube in perspective
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v[8];
    mat2 ra = rot(time * 0.5 + p0 * 6.0), rb = rot(time * 0.3);
    for (int i = 0; i < 8; i++) {
        vec3 c = vec3(float(i & 1), float((i >> 1) & 1), float((i >> 2) & 1)) * 2.0 - 1.0;
        c.xz = ra * c.xz; c.yz = rb * c.yz;
        v[i] = vec3(c.xy / (c.z + 3.5) * 2.5, 0.0);
    }
    float d = 1e9;
    for (int i = 0; i < 8; i++) for (int k = 0; k < 3; k++) {
        int j = i ^ (1 << k);
        if (j > i) d = min(d, sd_segment(p, v[i].xy, v[j].xy));
    }
    fragColor = vec4(hsv(p1, 0.6, 1.0) * 0.02 / (d + 0.02) + vec3(0.02, 0.02, 0.05), 1.0);
}
