#version 330 core
// glitch/barcode: stripes of random widths, like a barcode
uniform vec2 resolution;
uniform float time;
uniform float p0, p1;
out vec4 fragColor;

void main() {
    vec2 uv = gl_FragCoord.xy / resolution;
    float x = uv.x * (20.0 + 40.0 * p0) + time * 0.5;
    float w = hash11(floor(x));
    float bar = step(w, 0.5) ;
    float label = step(uv.y, 0.15);
    vec3 col = mix(vec3(0.05) + 0.1 * p1, vec3(0.95, 0.95, 0.9) * (0.85 + 0.15 * uv.y), max(bar, label));
    fragColor = vec4(col, 1.0);
}
