#version 330 core
// tunnels/planet: a shaded noise-textured planet with an atmosphere rim
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p) / 0.75;
    vec3 col = vec3(0.0, 0.0, 0.03);
    if (r < 1.0) {
        vec3 n = vec3(p / 0.75, sqrt(1.0 - r * r));
        vec2 uv = vec2(atan(n.x, n.z) + time * 0.1, n.y);
        float h = fbm(uv * 2.0 + p0 * 10.0, 5);
        vec3 surface = h < 0.5 ? vec3(0.05, 0.2, 0.5) : mix(vec3(0.2, 0.5, 0.2), vec3(0.7, 0.6, 0.4), (h - 0.5) * 3.0);
        col = surface * max(dot(n, normalize(vec3(0.7, 0.4, 0.6))), 0.05);
    }
    col += vec3(0.3, 0.5, 1.0) * smoothstep(0.15, 0.0, abs(r - 1.0)) * (0.5 + p1);
    fragColor = vec4(col, 1.0);
}
