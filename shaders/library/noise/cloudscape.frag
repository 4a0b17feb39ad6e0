#version 330 core
// noise/cloudscape: soft clouds over a gradient sky
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float c = fbm(uv * vec2(3.0, 5.0) + vec2(time * 0.03, p0 * 10.0), 6);
    float cover = smoothstep(0.4 + 0.2 * p1, 0.8, c);
    vec3 sky = mix(vec3(0.4, 0.6, 0.95), vec3(0.1, 0.25, 0.6), uv.y);
    fragColor = vec4(mix(sky, vec3(1.0), cover), 1.0);
}
