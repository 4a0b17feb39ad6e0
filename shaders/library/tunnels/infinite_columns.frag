#version 330 core
// tunnels/infinite_columns: raymarched repeating columns with lighting
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float cols_(vec3 q) { q.xz = mod(q.xz + 1.5, 3.0) - 1.5; return length(q.xz) - 0.4; }
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 ro = vec3(0.5, 0.0, time * (0.5 + p0)), rd = normalize(vec3(p, 1.4));
    rd.xz = rot(0.3 * sin(time * 0.1) + p1) * rd.xz;
    float t = 0.0;
    for (int i = 0; i < 40; i++) { float d = cols_(ro + rd * t); if (d < 0.01 || t > 30.0) break; t += d; }
    vec3 q = ro + rd * t;
    float stripes = 0.5 + 0.5 * sin(q.y * 6.0);
    vec3 col = mix(vec3(0.9, 0.85, 0.7) * (0.6 + 0.4 * stripes), vec3(0.2, 0.2, 0.3), 1.0 - exp(-0.08 * t));
    fragColor = vec4(col, 1.0);
}
