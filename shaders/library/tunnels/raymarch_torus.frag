#version 330 core
// tunnels/raymarch_torus: a rotating raymarched torus with normal shading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float torus_(vec3 q, vec2 t) { vec2 r = vec2(length(q.xz) - t.x, q.y); return length(r) - t.y; }
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 ro = vec3(0.0, 0.0, -3.0), rd = normalize(vec3(p, 1.8));
    mat2 r1 = rot(time * 0.5 + p0 * 6.0), r2 = rot(time * 0.3);
    float t = 0.0, d = 1.0;
    vec3 q;
    for (int i = 0; i < 48; i++) {
        q = ro + rd * t;
        q.yz = r1 * q.yz; q.xy = r2 * q.xy;
        d = torus_(q, vec2(0.9, 0.3 + 0.15 * p1));
        if (d < 0.005 || t > 8.0) break;
        t += d;
    }
    vec3 col = vec3(0.05, 0.05, 0.1);
    if (d < 0.01) {
        vec2 e = vec2(0.01, 0.0);
        vec3 n = normalize(vec3(torus_(q + e.xyy, vec2(0.9, 0.3 + 0.15 * p1)), torus_(q + e.yxy, vec2(0.9, 0.3 + 0.15 * p1)), torus_(q + e.yyx, vec2(0.9, 0.3 + 0.15 * p1))) - d);
        col = 0.5 + 0.5 * n;
    }
    fragColor = vec4(col, 1.0);
}
