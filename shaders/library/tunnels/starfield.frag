#version 330 core
// tunnels/starfield: stars streaming out of the centre with depth layers
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.0);
    for (int i = 0; i < 4; i++) {
        float depth = fract(float(i) * 0.25 + time * (0.1 + 0.1 * p0));
        float scale = mix(20.0, 1.0, depth);
        vec2 q = p * scale + float(i) * 17.0;
        vec2 c = floor(q);
        vec2 o = hash22(c) - 0.5;
        float d = length(fract(q) - 0.5 - o * 0.6);
        col += vec3(0.9, 0.9, 1.0) * smoothstep(0.08, 0.0, d) * depth * step(0.5, hash12(c + 3.0));
    }
    vec3 nebula = hsv(0.6 + 0.3 * p1, 0.7, 0.5) * pow(fbm(p * 1.5 + 0.05 * time, 5), 2.0);
    fragColor = vec4(col + nebula + vec3(0.02, 0.0, 0.05), 1.0);
}
