#version 330 core
// warps/nebula: coloured gas clouds with sparse stars
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p + 0.5 * vec2(fbm(p * 1.5 + 0.02 * time, 5), fbm(p * 1.5 + 4.0, 5));
    float d = fbm(q * 2.0, 6);
    vec3 col = cpal(d + p0, vec3(0.4, 0.2, 0.4), vec3(0.4, 0.3, 0.5), vec3(1.0), vec3(0.2, 0.5, 0.8)) * d * 1.4;
    float star = step(0.985 - 0.02 * p1, hash12(gl_FragCoord.xy + floor(time)));
    fragColor = vec4(col + star, 1.0);
}
