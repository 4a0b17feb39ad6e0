#version 330 core
// glitch/binary_rain: falling columns of blocky digits
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float cols = 12.0 + 12.0 * p0;
    vec2 c = floor(uv * vec2(cols, cols * 1.5));
    float speed = 2.0 + 4.0 * hash11(c.x);
    float head = fract(hash11(c.x + 9.0) - time * speed / (cols * 1.5));
    float y = c.y / (cols * 1.5);
    float trail = fract(y - head);
    float digit = step(0.5, hash12(c + floor(time * 6.0)));
    vec3 col = vec3(0.2, 1.0, 0.4) * exp(-trail * 6.0) * (0.4 + 0.6 * digit);
    fragColor = vec4(col + vec3(0.0, 0.03, 0.0) + 0.05 * p1, 1.0);
}
