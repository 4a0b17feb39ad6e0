#version 330 core
// voronoi/cell_noise_mix: cells whose colour is sampled from noise at their centre
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    vec2 i = floor(q), f = fract(q);
    float d1 = 9.0;
    vec2 best = vec2(0.0);
    for (int y = -1; y <= 1; y++) for (int x = -1; x <= 1; x++) {
        vec2 g = vec2(float(x), float(y));
        vec2 c = i + g + hash22(i + g);
        float d = length(c - q);
        if (d < d1) { d1 = d; best = c; }
    }
    float n = fbm(best * 0.3 + time * 0.02, 4);
    fragColor = vec4(cpal(n * 2.0 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67)), 1.0);
}
