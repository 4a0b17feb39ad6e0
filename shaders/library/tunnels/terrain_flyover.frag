#version 330 core
// tunnels/terrain_flyover: heightfield raymarched with fog and sky
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float height_(vec2 q) { return 0.6 * fbm(q * 0.5, 4) - 0.3; }
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 ro = vec3(0.0, 0.5 + 0.3 * p0, time * 0.5);
    vec3 rd = normalize(vec3(p.x, p.y - 0.3, 1.5));
    float t = 0.1;
    float hit = 0.0;
    for (int i = 0; i < 48; i++) {
        vec3 q = ro + rd * t;
        float h = q.y - height_(q.xz);
        if (h < 0.01) { hit = 1.0; break; }
        t += max(h * 0.5, 0.02);
        if (t > 12.0) break;
    }
    vec3 sky = mix(vec3(0.8, 0.7, 0.6), vec3(0.3, 0.5, 0.9), clamp(rd.y * 2.0, 0.0, 1.0));
    vec3 ground = mix(vec3(0.25, 0.35, 0.15), vec3(0.6, 0.55, 0.5), height_((ro + rd * t).xz) + 0.3) ;
    fragColor = vec4(mix(sky, ground, hit * exp(-0.12 * t)) * (0.9 + 0.2 * p1), 1.0);
}
