#version 330 core
// sdf/segments_web: web of segments between moving points
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 pts[5];
    for (int i = 0; i < 5; i++) {
        float k = float(i);
        pts[i] = 0.8 * vec2(sin(time * 0.3 + k * 1.9 + p0 * 5.0), cos(time * 0.23 + k * 2.7));
    }
    float d = 1e9;
    for (int i = 0; i < 5; i++) for (int j = i + 1; j < 5; j++) d = min(d, sd_segment(p, pts[i], pts[j]));
    fragColor = vec4(hsv(p1, 0.5, 1.0) * 0.015 / (d + 0.015) + vec3(0.02, 0.02, 0.05), 1.0);
}
