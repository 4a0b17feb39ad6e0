#version 330 core
// fractal/box_fold: 2D mandelbox iteration (box fold, sphere fold, scale)
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 3.0;
    vec2 c = q;
    float dr = 1.0;
    float s = -1.5 - p0 + 0.2 * sin(time * 0.1);
    for (int i = 0; i < 12; i++) {
        q = clamp(q, -1.0, 1.0) * 2.0 - q;
        float r2 = dot(q, q);
        if (r2 < 0.25) { q *= 4.0; dr *= 4.0; } else if (r2 < 1.0) { q /= r2; dr /= r2; }
        q = s * q + c;
        dr = dr * abs(s) + 1.0;
    }
    float d = length(q) / abs(dr);
    fragColor = vec4(cpal(log(d + 1e-6) * 0.2 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.33, 0.67)), 1.0);
}
