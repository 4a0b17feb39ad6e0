#version 330 core
// noise/noise_stairs: noise quantised to terraces with edge shading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float h = fbm(p * 1.4 + vec2(p0 * 10.0, 0.02 * time), 5) * (6.0 + 6.0 * p1);
    float step_h = floor(h);
    float edge = smoothstep(0.0, 0.15, fract(h));
    fragColor = vec4(hsv(step_h * 0.08, 0.5, 0.4 + 0.06 * step_h) * (0.7 + 0.3 * edge), 1.0);
}
