#version 330 core
// particles/bokeh: overlapping out-of-focus discs of light
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.05, 0.03, 0.08);
    for (int i = 0; i < 16; i++) {
        float k = float(i);
        vec2 c = 2.0 * (vec2(hash11(k + floor(p0 * 50.0)), hash11(k + 31.0)) - 0.5) + 0.1 * vec2(sin(time * 0.3 + k), 0.0);
        float r = 0.1 + 0.25 * hash11(k + 7.0);
        float disc = smoothstep(r, r - 0.03, length(p - c));
        col += hsv(0.05 + 0.15 * hash11(k + 3.0) + p1, 0.6, 0.35) * disc;
    }
    fragColor = vec4(col, 1.0);
}
