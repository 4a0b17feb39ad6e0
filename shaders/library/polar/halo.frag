#version 330 core
// polar/halo: soft glowing ring with colour fringes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r = length(p);
    float R = 0.5 + 0.2 * sin(time * 0.4) + 0.2 * p0;
    vec3 col = vec3(0.0);
    for (int i = 0; i < 3; i++) {
        float d = abs(r - R - 0.03 * float(i));
        col[i] = 0.02 / (d + 0.02);
    }
    fragColor = vec4(col * 0.6 + 0.05 * vec3(p1), 1.0);
}
