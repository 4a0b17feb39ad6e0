#version 330 core
// patterns/bricks: running-bond brick wall with mortar and colour variation
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv * vec2(4.0, 8.0) * (0.7 + 0.6 * p0);
    q.x += 0.5 * mod(floor(q.y), 2.0);
    vec2 c = floor(q), f = fract(q);
    float mortar = step(0.06, f.x) * step(0.1, f.y);
    vec3 brick = vec3(0.6, 0.25, 0.15) * (0.75 + 0.5 * hash12(c)) * (0.9 + 0.1 * vnoise(uv * 40.0 + time * 0.01));
    fragColor = vec4(mix(vec3(0.75, 0.72, 0.65), brick, mortar), 1.0);
}
