#version 330 core
// tunnels/raymarch_spheres: raymarched grid of spheres in fog
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float scene_(vec3 q) { q.xz = mod(q.xz + 1.0, 2.0) - 1.0; return length(q - vec3(0.0, 0.0, 0.0)) - 0.4; }
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 ro = vec3(0.3 * sin(time * 0.2), 0.3 + 0.4 * p0, time * 0.5);
    vec3 rd = normalize(vec3(p, 1.5));
    float t = 0.0;
    for (int i = 0; i < 40; i++) {
        float d = scene_(ro + rd * t);
        if (d < 0.01 || t > 20.0) break;
        t += d;
    }
    vec3 hit = ro + rd * t;
    float shade = 0.5 + 0.5 * (hit.y - floor(hit.y));
    vec3 col = hsv(p1 + floor(hit.z * 0.5) * 0.1, 0.5, shade) * exp(-0.15 * t);
    fragColor = vec4(col + vec3(0.5, 0.6, 0.7) * (1.0 - exp(-0.15 * t)), 1.0);
}
