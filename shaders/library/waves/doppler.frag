#version 330 core
// waves/doppler: ripples from a moving source, compressed ahead of it
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 col = vec3(0.0);
    float v = 0.0;
    float speed = 0.3 + 0.5 * p0;
    for (int i = 0; i < 10; i++) {
        float age = float(i) * 0.25 + fract(time);
        vec2 c = vec2(-0.8 + speed * (time - age) - floor((time - age) * speed / 1.6 + 0.5) * 1.6, 0.0);
        v += smoothstep(0.03, 0.0, abs(length(p - c) - age * 0.5)) * (1.0 - age / 2.75);
    }
    fragColor = vec4(hsv(p1, 0.5, 1.0) * v + vec3(0.02, 0.02, 0.05), 1.0);
}
