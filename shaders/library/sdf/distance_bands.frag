#version 330 core
// sdf/distance_bands: bands of the distance to a box, inside and outside coloured apart
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = sd_box(rot(time * 0.2) * p, vec2(0.4 + 0.3 * p0, 0.3));
    vec3 col = d > 0.0 ? vec3(0.9, 0.6, 0.3) : vec3(0.4, 0.7, 0.9);
    col *= 0.8 + 0.2 * cos(d * (30.0 + 30.0 * p1));
    col = mix(col, vec3(1.0), smoothstep(0.02, 0.0, abs(d)));
    fragColor = vec4(col * (1.0 - exp(-4.0 * abs(d))), 1.0);
}
