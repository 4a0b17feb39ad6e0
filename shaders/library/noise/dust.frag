#version 330 core
// noise/dust: sparse soft specks over dark noise
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * 10.0 + vec2(time * 0.2, p0 * 50.0);
    vec2 c = floor(q);
    vec2 o = hash22(c);
    float d = length(fract(q) - o);
    float speck = step(0.7, hash12(c + 3.0)) * smoothstep(0.3, 0.0, d);
    float bg = 0.2 * fbm(p * 2.0, 4);
    fragColor = vec4(vec3(bg + speck) * vec3(1.0, 0.95, 0.85), 1.0);
}
