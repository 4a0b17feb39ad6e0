#version 330 core
// patterns/plaid_stripes: overlapping translucent horizontal and vertical stripes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1, p2;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float h = step(0.5, fract(uv.y * (3.0 + 5.0 * p0)));
    float v = step(0.6, fract(uv.x * (3.0 + 5.0 * p1) + time * 0.02));
    vec3 col = vec3(0.95, 0.9, 0.8);
    col = mix(col, hsv(p2, 0.7, 0.7), 0.5 * h);
    col = mix(col, hsv(p2 + 0.6, 0.7, 0.5), 0.5 * v);
    fragColor = vec4(col, 1.0);
}
