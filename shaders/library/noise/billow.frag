#version 330 core
// noise/billow: absolute-value turbulence, billowing cloud shapes
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float v = turb(p * (1.2 + 1.5 * p0) + vec2(0.0, 0.06 * time), 6);
    fragColor = vec4(mix(vec3(0.3, 0.5, 0.9), vec3(1.0), smoothstep(0.1, 0.6, v)), 1.0);
}
