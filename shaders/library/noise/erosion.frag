#version 330 core
// noise/erosion: ridged terrain with gullies darkened by slope
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.0 + p0) + p1 * 20.0;
    float h = ridged(q, 5);
    float hx = ridged(q + vec2(0.03, 0.0), 5);
    float slope = abs(hx - h) * 30.0;
    vec3 col = mix(vec3(0.75, 0.6, 0.4), vec3(0.3, 0.2, 0.12), clamp(slope, 0.0, 1.0));
    fragColor = vec4(col * (0.5 + 0.5 * h) + 0.02 * sin(time), 1.0);
}
