#version 330 core
// gradients/sky_gradient: sky from horizon to zenith with a sun glow
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    vec2 sun = vec2(0.5 + 0.4 * sin(time * 0.1 + p0 * 6.0), 0.2 + 0.5 * p1);
    vec3 sky = mix(vec3(1.0, 0.6, 0.3), vec3(0.1, 0.3, 0.7), smoothstep(0.0, 1.0, uv.y + 0.3 * (sun.y - 0.5)));
    sky += vec3(1.0, 0.8, 0.5) * 0.05 / (length(uv - sun) + 0.05);
    fragColor = vec4(sky, 1.0);
}
