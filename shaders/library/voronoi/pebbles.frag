#version 330 core
// voronoi/pebbles: round pebbles from thresholded cell distance, shaded
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 v = voronoi(p * (3.5 + 3.0 * p0), 0.8);
    float r = 0.35 + 0.1 * v.z;
    float inside = smoothstep(r, r - 0.05, v.x);
    float shade = sqrt(max(0.0, 1.0 - v.x / r));
    vec3 col = mix(vec3(0.3, 0.25, 0.2), hsv(0.08 + 0.1 * v.z + p1 * 0.2, 0.3, 0.4 + 0.5 * shade), inside);
    fragColor = vec4(col + 0.01 * sin(time), 1.0);
}
