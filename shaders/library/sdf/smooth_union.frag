#version 330 core
// sdf/smooth_union: blobs merged with a smooth minimum
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float smin_(float a, float b, float k) { float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0); return mix(b, a, h) - k * h * (1.0 - h); }
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = 1e9;
    for (int i = 0; i < 5; i++) {
        float k = float(i);
        vec2 c = 0.6 * vec2(sin(time * 0.4 + k * 1.3), cos(time * 0.3 + k * 2.1));
        d = smin_(d, length(p - c) - 0.15 - 0.1 * hash11(k), 0.2 + 0.3 * p0);
    }
    fragColor = vec4(mix(hsv(p1, 0.7, 0.9) * (0.6 - d), vec3(0.05), smoothstep(0.0, 0.02, d)), 1.0);
}
