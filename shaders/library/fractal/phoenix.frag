#version 330 core
// fractal/phoenix: Phoenix fractal with the previous iterate fed back
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 z = rot(PI * 0.5) * p * 1.2;
    vec2 prev = vec2(0.0);
    vec2 c = vec2(0.5667, 0.0) + 0.03 * vec2(sin(time * 0.1), p0);
    float n = 0.0;
    for (int i = 0; i < 48; i++) {
        vec2 next = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c + (-0.5 + 0.1 * p1) * prev;
        prev = z;
        z = next;
        if (dot(z, z) > 4.0) break;
        n += 1.0;
    }
    fragColor = vec4(cpal(n / 48.0, vec3(0.5), vec3(0.5), vec3(2.0, 1.0, 0.0), vec3(0.5, 0.2, 0.25)), 1.0);
}
