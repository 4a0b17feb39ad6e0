#version 330 core
// patterns/weave: over-under basket weave with shading
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec2 q = p * (3.0 + 3.0 * p0);
    vec2 c = floor(q), f = fract(q);
    bool horizontal = mod(c.x + c.y, 2.0) < 1.0;
    float strand = horizontal ? sin(f.y * PI) : sin(f.x * PI);
    float along = horizontal ? f.x : f.y;
    vec3 col = (horizontal ? vec3(0.8, 0.6, 0.3) : vec3(0.5, 0.3, 0.15)) * (0.4 + 0.6 * strand) * (0.85 + 0.15 * sin(along * TAU + time));
    fragColor = vec4(col * (0.8 + 0.4 * p1), 1.0);
}
