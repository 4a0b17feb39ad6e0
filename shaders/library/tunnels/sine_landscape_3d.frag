#version 330 core
// tunnels/sine_landscape_3d: raymarched rolling sine hills with fog
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float hills_(vec3 q) { return q.y + 0.4 * sin(q.x * 0.9) * sin(q.z * 0.7) + 0.8; }
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 ro = vec3(time * 0.2, 0.2 + 0.3 * p0, time * 0.6), rd = normalize(vec3(p, 1.3));
    float t = 0.0;
    for (int i = 0; i < 40; i++) { float d = hills_(ro + rd * t); if (d < 0.01 || t > 20.0) break; t += d * 0.8; }
    vec3 q = ro + rd * t;
    float grid = smoothstep(0.9, 1.0, max(abs(sin(q.x * PI)), abs(sin(q.z * PI))));
    vec3 col = mix(hsv(p1, 0.7, 0.8) * grid + vec3(0.05, 0.0, 0.1), vec3(0.4, 0.2, 0.5), 1.0 - exp(-0.12 * t));
    fragColor = vec4(col, 1.0);
}
