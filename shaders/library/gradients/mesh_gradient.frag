#version 330 core
// gradients/mesh_gradient: colours from a few moving control points, inverse-distance blended
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 sum = vec3(0.0);
    float wsum = 0.0;
    for (int i = 0; i < 5; i++) {
        float k = float(i);
        vec2 c = 0.8 * vec2(sin(time * 0.2 + k * 2.4 + p0 * 6.0), cos(time * 0.17 + k * 1.9));
        float w = 1.0 / (dot(p - c, p - c) + 0.05);
        sum += hsv(k * 0.2 + p1, 0.7, 0.9) * w;
        wsum += w;
    }
    fragColor = vec4(sum / wsum, 1.0);
}
