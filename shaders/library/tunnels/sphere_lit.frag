#version 330 core
// tunnels/sphere_lit: a raymarched-looking sphere with diffuse and specular light
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float r2 = dot(p, p) / 0.64;
    vec3 n = vec3(p / 0.8, sqrt(max(1.0 - r2, 0.0)));
    vec3 l = normalize(vec3(cos(time * 0.5 + p0 * 6.0), 0.6, 0.8));
    float diff = max(dot(n, l), 0.0);
    float spec = pow(max(dot(reflect(-l, n), vec3(0.0, 0.0, 1.0)), 0.0), 30.0);
    vec3 col = r2 < 1.0 ? hsv(p1, 0.6, 0.15 + 0.85 * diff) + spec : vec3(0.15, 0.15, 0.2) * (1.0 - 0.3 * p.y);
    fragColor = vec4(col, 1.0);
}
