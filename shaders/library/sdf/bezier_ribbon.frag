#version 330 core
// sdf/bezier_ribbon: a quadratic curve sampled into a thick ribbon
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 a = vec2(-0.9, -0.5), b = vec2(0.0, 1.2 * sin(time * 0.4) + 0.4 * p0), c = vec2(0.9, -0.3);
    float d = 1e9;
    vec2 prev = a;
    for (int i = 1; i <= 24; i++) {
        float t = float(i) / 24.0;
        vec2 pt = mix(mix(a, b, t), mix(b, c, t), t);
        d = min(d, sd_segment(p, prev, pt));
        prev = pt;
    }
    vec3 back = mix(vec3(0.1, 0.1, 0.2), vec3(0.3, 0.2, 0.3), 0.5 + 0.5 * p.y);
    fragColor = vec4(mix(hsv(p1 + p.x * 0.2, 0.7, 1.0), back, smoothstep(0.06, 0.09, d)), 1.0);
}
