#version 330 core
// warps/liquid_chrome: reflective-looking bands from a warped sphere normal
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 1.1;
    p += 0.25 * vec2(gnoise(p * 3.0 + time * 0.2) - 0.5, gnoise(p * 3.0 + 4.0 - time * 0.2) - 0.5) * (1.0 + p0);
    float r = dot(p, p);
    vec3 n = vec3(p, sqrt(max(1.0 - r, 0.0)));
    float env = 0.5 + 0.5 * sin(n.y * 8.0 + n.x * 3.0);
    vec3 col = r < 1.0 ? vec3(env) * vec3(0.9, 0.95, 1.0) : vec3(0.15 + 0.1 * p.y);
    fragColor = vec4(col, 1.0);
}
