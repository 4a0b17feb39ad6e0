#version 330 core
// tunnels/grid_room: inside a box room with grid walls, seen in perspective
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);
    vec3 rd = normalize(vec3(p, 1.2));
    rd.xz = rot(time * 0.1 + p0 * 6.0) * rd.xz;
    vec3 t = (sign(rd) - vec3(0.0)) / rd;
    float tm = min(min(t.x, t.y), t.z);
    vec3 q = rd * tm;
    vec2 uv = abs(t.x - tm) < 1e-4 ? q.yz : abs(t.y - tm) < 1e-4 ? q.xz : q.xy;
    vec2 g = abs(fract(uv * (3.0 + 3.0 * p1)) - 0.5);
    float line = smoothstep(0.42, 0.48, max(g.x, g.y));
    fragColor = vec4(mix(vec3(0.1, 0.1, 0.15), vec3(0.2, 0.9, 1.0), line) * (1.3 - 0.3 * tm), 1.0);
}
