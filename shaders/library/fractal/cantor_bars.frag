#version 330 core
// fractal/cantor_bars: Cantor set bars stacked by level
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float level = floor(uv.y * (5.0 + floor(3.0 * p0)));
    float x = uv.x + 0.02 * sin(time * 0.3);
    float keep = 1.0;
    for (int i = 0; i < 8; i++) {
        if (float(i) >= level) break;
        x *= 3.0;
        if (floor(mod(x, 3.0)) == 1.0) keep = 0.0;
    }
    fragColor = vec4(mix(vec3(0.9, 0.9, 0.85), hsv(level * 0.12 + p1, 0.7, 0.6), keep), 1.0);
}
