#version 330 core
// noise/camouflage: thresholded noise layers in olive tones
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    p *= 1.5 + p0;
    float a = step(0.5, fbm(p + 0.02 * time, 4));
    float b = step(0.55, fbm(p * 1.3 + 11.0, 4));
    float c = step(0.6, fbm(p * 1.7 + 23.0, 4));
    vec3 col = vec3(0.45, 0.42, 0.3);
    col = mix(col, vec3(0.25, 0.3, 0.15), a);
    col = mix(col, vec3(0.15, 0.12, 0.08), b);
    col = mix(col, vec3(0.6, 0.55, 0.4), c);
    fragColor = vec4(col, 1.0);
}
