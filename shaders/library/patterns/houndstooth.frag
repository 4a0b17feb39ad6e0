#version 330 core
// patterns/houndstooth: houndstooth check from a twill-shaped mask
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv * (4.0 + 4.0 * p0);
    vec2 c = floor(q), f = fract(q);
    float check = mod(c.x + c.y, 2.0);
    float tooth = step(f.x + f.y, 1.0) * step(0.5, f.y) + step(1.0, f.x + f.y) * step(f.y, 0.5);
    float v = mix(check, tooth, step(0.5, mod(c.x, 2.0)));
    float thread = 0.75 + 0.25 * vnoise(uv * 60.0 + time);
    fragColor = vec4(mix(vec3(0.9, 0.88, 0.8), hsv(p1, 0.4, 0.25), v) * thread * (0.8 + 0.3 * uv.y), 1.0);
}
