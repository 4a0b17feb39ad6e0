#version 330 core
// fractal/sierpinski_triangle: Pascal triangle mod 2 with shading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float s = 32.0 + 32.0 * floor(3.0 * p0);
    ivec2 c = ivec2(floor(uv * s));
    float on = (c.x & c.y) == 0 ? 1.0 : 0.0;
    float shade = 0.5 + 0.5 * sin(uv.x * 6.0 + uv.y * 4.0 + time * 0.3);
    fragColor = vec4(mix(vec3(0.1, 0.05, 0.2), hsv(p1 + 0.3 * shade, 0.6, 0.9), on), 1.0);
}
