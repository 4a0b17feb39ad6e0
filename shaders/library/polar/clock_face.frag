#version 330 core
// polar/clock_face: tick marks and rotating hands
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = polar(p);
    float ticks = step(0.8, q.y) * step(q.y, 0.92) * step(0.85, fract(q.x * 12.0 + 0.07));
    float t = time * (0.2 + p0);
    vec2 h1 = 0.5 * vec2(sin(t), cos(t)), h2 = 0.8 * vec2(sin(t * 12.0), cos(t * 12.0));
    float hands = smoothstep(0.05, 0.02, sd_segment(p, vec2(0.0), h1)) + smoothstep(0.03, 0.01, sd_segment(p, vec2(0.0), h2));
    vec3 face = mix(vec3(0.95, 0.92, 0.8), hsv(p1, 0.4, 0.6), q.y * q.y);
    vec3 col = mix(face, vec3(0.1), clamp(ticks + hands, 0.0, 1.0));
    fragColor = vec4(col * step(q.y, 1.0), 1.0);
}
