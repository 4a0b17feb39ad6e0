#version 330 core
// noise/static: per-pixel white noise flickering with time
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    float n = hash13(vec3(gl_FragCoord.xy, floor(time * 30.0)));
    float v = mix(n, hash12(gl_FragCoord.xy * 0.25 + floor(time)), p0);
    fragColor = vec4(vec3(v), 1.0);
}
