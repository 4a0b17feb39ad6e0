#version 330 core
// sdf/pie_chart: pie slices of random sizes with a hole
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float a = atan(p.y, p.x) / TAU + 0.5;
    a = fract(a + time * 0.02);
    float acc = 0.0, id = 0.0;
    for (int i = 0; i < 6; i++) {
        acc += (0.1 + hash11(float(i) + floor(p0 * 10.0))) / 3.6;
        if (a > acc) id += 1.0;
    }
    float r = length(p);
    vec3 col = hsv(id / 6.0 + p1, 0.6, 0.9) * step(r, 0.85) * step(0.3 * p2, r);
    fragColor = vec4(col + vec3(0.9) * step(0.85, r), 1.0);
}
