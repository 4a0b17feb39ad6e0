// Helpers that tfdfkd.render.programs puts in front of every program, shipped or generated.
// Pure functions only (no uniforms, no outputs), so a program declares its own uniforms and
// output as usual. Unused helpers cost nothing: the compiler drops them.

const float PI = 3.14159265;
const float TAU = 6.28318531;

// Integer hashing on lattice points: the same bits on every driver, unlike sin()-based hashes.
uint hmix(uint x) {
    x ^= x >> 16u;
    x *= 0x7FEB352Du;
    x ^= x >> 15u;
    x *= 0x846CA68Bu;
    x ^= x >> 16u;
    return x;
}
float hbits(uint x) { return float(hmix(x) >> 8u) * (1.0 / 16777216.0); }
float hash11(float p) { return hbits(uint(int(floor(p))) * 0x9E3779B1u + 0x2545F491u); }
float hash12(vec2 p) {
    uvec2 q = uvec2(ivec2(floor(p)));
    return hbits(q.x * 0x9E3779B1u ^ hmix(q.y + 0x632BE5ABu));
}
vec2 hash22(vec2 p) {
    uvec2 q = uvec2(ivec2(floor(p)));
    uint h = hmix(q.x * 0x9E3779B1u ^ hmix(q.y + 0x632BE5ABu));
    return vec2(float(h >> 8u), float(hmix(h) >> 8u)) * (1.0 / 16777216.0);
}
float hash13(vec3 p) {
    uvec3 q = uvec3(ivec3(floor(p)));
    return hbits(q.x * 0x9E3779B1u ^ hmix(q.y + hmix(q.z + 0x68E31DA4u)));
}

// Value noise in [0, 1] with a smooth (cubic) fade.
float vnoise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = hash12(i), b = hash12(i + vec2(1.0, 0.0));
    float c = hash12(i + vec2(0.0, 1.0)), d = hash12(i + vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// Gradient noise mapped to about [0, 1]: random unit gradients at lattice points, quintic fade.
vec2 lattice_grad(vec2 i) { float a = TAU * hash12(i); return vec2(cos(a), sin(a)); }
float gnoise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    float a = dot(lattice_grad(i), f);
    float b = dot(lattice_grad(i + vec2(1.0, 0.0)), f - vec2(1.0, 0.0));
    float c = dot(lattice_grad(i + vec2(0.0, 1.0)), f - vec2(0.0, 1.0));
    float d = dot(lattice_grad(i + vec2(1.0, 1.0)), f - vec2(1.0, 1.0));
    return 0.5 + 0.7 * mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// Fractal sums: each octave doubles (about) the frequency, halves the weight, and turns the
// domain so lattice axes do not line up. Results in about [0, 1].
const mat2 OCTAVE = mat2(1.62, 1.18, -1.18, 1.62);
float fbm(vec2 p, int octaves) {
    float s = 0.0, w = 0.5, n = 0.0;
    for (int i = 0; i < octaves; i++) {
        s += w * vnoise(p);
        n += w;
        p = OCTAVE * p + vec2(3.7, 1.3);
        w *= 0.5;
    }
    return s / n;
}
float gfbm(vec2 p, int octaves) {
    float s = 0.0, w = 0.5, n = 0.0;
    for (int i = 0; i < octaves; i++) {
        s += w * gnoise(p);
        n += w;
        p = OCTAVE * p + vec2(-2.9, 5.1);
        w *= 0.5;
    }
    return s / n;
}
float ridged(vec2 p, int octaves) {
    float s = 0.0, w = 0.5, n = 0.0;
    for (int i = 0; i < octaves; i++) {
        float r = 1.0 - abs(2.0 * gnoise(p) - 1.0);
        s += w * r * r;
        n += w;
        p = OCTAVE * p + vec2(1.9, -4.4);
        w *= 0.5;
    }
    return s / n;
}
float turb(vec2 p, int octaves) {
    float s = 0.0, w = 0.5, n = 0.0;
    for (int i = 0; i < octaves; i++) {
        s += w * abs(2.0 * vnoise(p) - 1.0);
        n += w;
        p = OCTAVE * p + vec2(6.1, 2.3);
        w *= 0.5;
    }
    return s / n;
}

// Cellular noise: x = distance to the nearest feature point, y = to the second nearest,
// z = a random id of the nearest cell in [0, 1). `jitter` in [0, 1] moves the points off the grid.
vec3 voronoi(vec2 p, float jitter) {
    vec2 i = floor(p), f = fract(p);
    float d1 = 8.0, d2 = 8.0, id = 0.0;
    for (int y = -1; y <= 1; y++) {
        for (int x = -1; x <= 1; x++) {
            vec2 g = vec2(float(x), float(y));
            vec2 o = jitter * hash22(i + g);
            float d = length(g + o - f);
            if (d < d1) { d2 = d1; d1 = d; id = hash12(i + g + vec2(17.0, 41.0)); }
            else if (d < d2) { d2 = d; }
        }
    }
    return vec3(d1, d2, id);
}

mat2 rot(float a) { float c = cos(a), s = sin(a); return mat2(c, s, -s, c); }

// Cosine palette a + b cos(2 pi (c t + d)): four vec3 give a smooth, periodic colour ramp.
vec3 cpal(float t, vec3 a, vec3 b, vec3 c, vec3 d) { return a + b * cos(TAU * (c * t + d)); }
vec3 hsv(float h, float s, float v) {
    vec3 k = clamp(abs(mod(h * 6.0 + vec3(0.0, 4.0, 2.0), 6.0) - 3.0) - 1.0, 0.0, 1.0);
    return v * mix(vec3(1.0), k, s);
}

// Coordinate helpers: polar (angle in [0, 1), radius), kaleidoscope fold into one of n mirrored wedges.
vec2 polar(vec2 p) { return vec2(atan(p.y, p.x) / TAU + 0.5, length(p)); }
vec2 kfold(vec2 p, float n) {
    float w = TAU / n;
    float a = mod(atan(p.y, p.x), w);
    a = abs(a - 0.5 * w);
    return length(p) * vec2(cos(a), sin(a));
}

// 2D signed distances.
float sd_box(vec2 p, vec2 b) { vec2 d = abs(p) - b; return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0); }
float sd_segment(vec2 p, vec2 a, vec2 b) {
    vec2 pa = p - a, ba = b - a;
    return length(pa - ba * clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0));
}
