#version 330 core
// glitch/modulo_plaid: products of coordinates modulo a prime
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    ivec2 c = ivec2(gl_FragCoord.xy) + ivec2(int(p0 * 50.0), int(time));
    int m = 7 + int(p1 * 20.0);
    float v = float((c.x * c.y) % m) / float(m - 1);
    fragColor = vec4(cpal(v, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.0, 0.2, 0.4)), 1.0);
}
