#version 330 core
// particles/atoms: nucleus with electrons on tilted elliptical orbits
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.02, 0.03, 0.06);
    for (int i = 0; i < 3; i++) {
        float k = float(i);
        mat2 r = rot(k * PI / 3.0 + p0);
        vec2 q = r * p;
        float orbit = abs(length(q / vec2(0.9, 0.3)) - 1.0);
        col += vec3(0.3, 0.6, 1.0) * smoothstep(0.1, 0.0, orbit) * 0.4;
        float a = time * (1.5 + 0.3 * k) + k;
        vec2 e = transpose(r) * vec2(0.9 * cos(a), 0.3 * sin(a));
        col += vec3(0.8, 0.9, 1.0) * 0.003 / (dot(p - e, p - e) + 0.003);
    }
    col += hsv(p1, 0.7, 1.0) * smoothstep(0.15, 0.1, length(p));
    fragColor = vec4(col, 1.0);
}
