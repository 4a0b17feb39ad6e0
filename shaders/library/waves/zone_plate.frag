#version 330 core
// waves/zone_plate: chirped circular grating, aliasing on purpose
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r2 = dot(p, p);
    float v = 0.5 + 0.5 * cos(r2 * (20.0 + 60.0 * p0) - time);
    fragColor = vec4(vec3(v), 1.0);
}
