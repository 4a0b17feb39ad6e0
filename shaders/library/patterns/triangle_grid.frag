#version 330 core
// patterns/triangle_grid: triangular tiling with colour per triangle
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 2.0 * p0);
    q.x += q.y * 0.57735;
    vec2 c = floor(q), f = fract(q);
    float upper = step(1.0, f.x + f.y);
    float id = hash12(c * 2.0 + upper);
    float edge = min(min(f.x, f.y), abs(1.0 - f.x - f.y));
    vec3 col = hsv(id * 0.4 + p1 + time * 0.01, 0.6, 0.5 + 0.5 * id) * smoothstep(0.0, 0.05, edge);
    fragColor = vec4(col, 1.0);
}
