#version 330 core
// noise/isolines: contour lines of an fbm height field
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float h = fbm(p * 1.5 + vec2(0.03 * time, p0 * 9.0), 5);
    float lines = abs(fract(h * (8.0 + 8.0 * p1)) - 0.5);
    fragColor = vec4(vec3(smoothstep(0.0, 0.25, lines)) * vec3(0.9, 0.85, 0.7), 1.0);
}
