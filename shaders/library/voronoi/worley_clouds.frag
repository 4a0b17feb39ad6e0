#version 330 core
// voronoi/worley_clouds: fbm of inverted cell distance, puffy clouds
uniform vec2 resolution;
uniform float time;
uniform float p0;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (1.5 + p0) + vec2(time * 0.03, 0.0);
    float v = 0.0, w = 0.5;
    for (int i = 0; i < 4; i++) {
        v += w * (1.0 - voronoi(q, 1.0).x);
        q = OCTAVE * q;
        w *= 0.5;
    }
    fragColor = vec4(mix(vec3(0.3, 0.5, 0.85), vec3(1.0), smoothstep(0.3, 0.8, v)), 1.0);
}
