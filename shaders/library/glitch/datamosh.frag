#version 330 core
// glitch/datamosh: smeared blocks copying colours from a moving source
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 b = floor(uv * (6.0 + 10.0 * p0));
    vec2 motion = (hash22(b + floor(time * 0.5)) - 0.5) * 0.3;
    vec2 q = uv + motion * fract(time * 0.5);
    vec3 col = 0.5 + 0.5 * cos(TAU * (vnoise(q * 5.0) + vec3(0.0, 0.33, 0.67) + p1));
    fragColor = vec4(col, 1.0);
}
