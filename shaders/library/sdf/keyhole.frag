#version 330 core
// sdf/keyhole: union and subtraction of circle and box, bevelled
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.2 + 0.4 * p0);
    float d = min(length(q - vec2(0.0, 0.2)) - 0.3, sd_box(q + vec2(0.0, 0.2), vec2(0.12, 0.35)));
    float plate = sd_box(q, vec2(0.85)) - 0.05;
    float bevel = clamp(-plate * 8.0, 0.0, 1.0);
    vec3 col = vec3(0.7, 0.55, 0.2) * (0.6 + 0.4 * bevel) * (0.9 + 0.1 * sin(time + q.x * 3.0));
    col = mix(col, vec3(0.02), smoothstep(0.01, -0.01, d));
    col = mix(col, vec3(0.2, 0.1, 0.1) + 0.2 * p1, smoothstep(0.0, 0.02, plate));
    fragColor = vec4(col, 1.0);
}
