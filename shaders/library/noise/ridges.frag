#version 330 core
// noise/ridges: ridged multifractal mountains seen from above
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = ridged(p * (1.0 + p0) + vec2(0.05 * time, p1 * 10.0), 6);
    vec3 col = mix(vec3(0.2, 0.3, 0.15), vec3(0.95), smoothstep(0.5, 0.9, v));
    col = mix(vec3(0.05, 0.1, 0.3), col, smoothstep(0.15, 0.25, v));
    fragColor = vec4(col, 1.0);
}
