#version 330 core
// noise/terrain_map: height map coloured as water, beach, grass, rock, snow
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float h = gfbm(p * (0.8 + p0) + vec2(p1 * 40.0, 0.02 * time), 7);
    vec3 col = h < 0.45 ? mix(vec3(0.0, 0.05, 0.3), vec3(0.1, 0.4, 0.7), h / 0.45)
             : h < 0.48 ? vec3(0.85, 0.8, 0.55)
             : h < 0.6 ? vec3(0.2, 0.55, 0.2)
             : h < 0.7 ? vec3(0.45, 0.4, 0.35) : vec3(0.95);
    fragColor = vec4(col, 1.0);
}
