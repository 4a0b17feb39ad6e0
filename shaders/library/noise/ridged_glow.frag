#version 330 core
// noise/ridged_glow: thin glowing ridges on black
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = ridged(p * (0.8 + p0) + vec2(0.0, 0.03 * time), 4);
    fragColor = vec4(hsv(0.55 + 0.4 * p1, 0.7, 1.0) * pow(v, 6.0) * 2.0, 1.0);
}
