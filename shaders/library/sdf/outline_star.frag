#version 330 core
// sdf/outline_star: star polygon outline with glow
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

float star_(vec2 p, float r, float n, float m) {
    float an = PI / n, en = PI / m;
    vec2 acs = vec2(cos(an), sin(an)), ecs = vec2(cos(en), sin(en));
    float bn = mod(atan(p.x, p.y), 2.0 * an) - an;
    p = length(p) * vec2(cos(bn), abs(sin(bn)));
    p -= r * acs;
    p += ecs * clamp(-dot(p, ecs), 0.0, r * acs.y / ecs.y);
    return length(p) * sign(p.x);
}
void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    float d = star_(rot(time * 0.2) * p, 0.7, 5.0 + floor(4.0 * p0), 2.0 + 2.0 * p1);
    vec3 col = vec3(1.0, 0.8, 0.3) * 0.02 / (abs(d) + 0.02) + vec3(0.1, 0.05, 0.2);
    fragColor = vec4(col, 1.0);
}
