#version 330 core
// patterns/tartan: woven plaid from crossing bands of several widths
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv * (2.0 + 2.0 * p0);
    vec2 f = fract(q);
    vec3 warp = f.x < 0.3 ? vec3(0.1, 0.3, 0.15) : f.x < 0.4 ? vec3(0.8, 0.1, 0.1) : f.x < 0.7 ? vec3(0.05, 0.1, 0.3) : vec3(0.9, 0.8, 0.3);
    vec3 weft = f.y < 0.3 ? vec3(0.1, 0.3, 0.15) : f.y < 0.4 ? vec3(0.8, 0.1, 0.1) : f.y < 0.7 ? vec3(0.05, 0.1, 0.3) : vec3(0.9, 0.8, 0.3);
    float twill = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) * 0.25 + time * 0.1));
    fragColor = vec4(mix(warp, weft, 0.3 + 0.4 * twill) * (0.8 + 0.4 * p1), 1.0);
}
