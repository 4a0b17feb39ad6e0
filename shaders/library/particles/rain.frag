#version 330 core
// particles/rain: slanted rain streaks falling over a dim scene
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = vec2(uv.x * 30.0 + uv.y * (3.0 + 5.0 * p0), uv.y);
    float col_id = floor(q.x);
    float speed = 1.0 + hash11(col_id);
    float y = fract(uv.y * 2.0 + time * speed + hash11(col_id + 9.0));
    float drop = smoothstep(0.0, 0.05, y) * smoothstep(0.25, 0.05, y) * step(abs(fract(q.x) - 0.5), 0.12) * step(0.4, hash11(col_id + 3.0));
    vec3 scene = mix(vec3(0.15, 0.2, 0.25), vec3(0.3, 0.35, 0.4), uv.y) + 0.1 * fbm(uv * 3.0 + p1 * 9.0, 3);
    fragColor = vec4(scene + vec3(0.7, 0.8, 0.9) * drop * 0.6, 1.0);
}
