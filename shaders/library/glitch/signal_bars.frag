#version 330 core
// glitch/signal_bars: broadcast colour bars with noise at the bottom
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float i = floor(uv.x * 7.0);
    vec3 bars = vec3(mod(i, 2.0) < 1.0 ? 0.0 : 1.0, mod(floor(i / 2.0), 2.0) < 1.0 ? 1.0 : 0.0, i < 4.0 ? 1.0 : 0.0);
    bars = 1.0 - bars * 0.8;
    float noise = hash13(vec3(gl_FragCoord.xy, floor(time * 20.0)));
    float split = 0.25 + 0.2 * p0;
    vec3 col = uv.y > split ? bars * (0.8 + 0.2 * p1) : vec3(noise);
    fragColor = vec4(col, 1.0);
}
