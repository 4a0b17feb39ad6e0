#version 330 core
// noise/noise_threshold_soft: noise pushed through a moving soft threshold
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = gfbm(p * 2.0 + p0 * 10.0, 5);
    float t = 0.5 + 0.2 * sin(time * 0.3);
    fragColor = vec4(vec3(smoothstep(t - 0.1, t + 0.1, v)) * hsv(p1, 0.3, 1.0), 1.0);
}
