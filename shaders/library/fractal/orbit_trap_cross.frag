#version 330 core
// fractal/orbit_trap_cross: Julia set coloured by distance of its orbit to the axes
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 z = p * 1.3;
    vec2 c = vec2(-0.8 + 0.2 * p0, 0.156 + 0.05 * sin(time * 0.1));
    float trap = 1e9;
    for (int i = 0; i < 48; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        trap = min(trap, min(abs(z.x), abs(z.y)));
        if (dot(z, z) > 16.0) break;
    }
    fragColor = vec4(cpal(-log(trap + 1e-4) * 0.15 + p1, vec3(0.5), vec3(0.5), vec3(1.0), vec3(0.2, 0.4, 0.6)), 1.0);
}
