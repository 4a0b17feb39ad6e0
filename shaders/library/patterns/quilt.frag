#version 330 core
// patterns/quilt: quilt blocks with half-square triangles
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (2.0 + 1.5 * p0);
    vec2 c = floor(q), f = fract(q);
    float o = floor(hash12(c) * 4.0);
    vec2 g = o < 1.0 ? f : o < 2.0 ? vec2(1.0 - f.x, f.y) : o < 3.0 ? vec2(f.x, 1.0 - f.y) : 1.0 - f;
    float tri = step(g.x, g.y);
    vec3 col = mix(hsv(hash12(c + 3.0) * 0.2 + p1, 0.6, 0.85), hsv(hash12(c + 5.0) * 0.2 + p1 + 0.5, 0.5, 0.45), tri);
    float seam = smoothstep(0.02, 0.05, min(min(f.x, f.y), min(1.0 - f.x, 1.0 - f.y)));
    fragColor = vec4(col * (0.7 + 0.3 * seam) + 0.02 * sin(time), 1.0);
}
