#version 330 core
// fractal/sierpinski_carpet: square Sierpinski carpet by base-3 digits
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 q = uv * (1.0 + p0) + vec2(time * 0.01, 0.0);
    float hole = 0.0;
    for (int i = 0; i < 5; i++) {
        q *= 3.0;
        vec2 d = floor(mod(q, 3.0));
        if (d.x == 1.0 && d.y == 1.0) hole = float(i + 1);
    }
    fragColor = vec4(hole > 0.0 ? hsv(hole * 0.15 + p1, 0.6, 0.3 + 0.1 * hole) : vec3(0.95, 0.9, 0.8), 1.0);
}
