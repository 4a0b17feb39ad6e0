#version 330 core
// patterns/circle_packing: circles of random radius in jittered cells
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    vec3 col = vec3(0.1, 0.1, 0.12);
    for (int y = -1; y <= 1; y++) {
        for (int x = -1; x <= 1; x++) {
            vec2 c = floor(q) + vec2(float(x), float(y));
            vec2 o = c + 0.5 + 0.3 * (hash22(c) - 0.5);
            float r = 0.25 + 0.25 * hash12(c + 11.0);
            float d = length(q - o) - r;
            col = mix(col, hsv(hash12(c + 3.0) + p1, 0.6, 0.9) * (0.6 + 0.4 * sin(time + hash12(c) * 6.0)), smoothstep(0.04, 0.0, d));
        }
    }
    fragColor = vec4(col, 1.0);
}
