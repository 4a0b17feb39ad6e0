// Scalar fields for tfdfkd.render.generator: each block defines `float FN(vec2 p)`, about [0, 1].
// Block format: see transforms.glsl.

// block: fbm
// param F 0.7 3.0
// int N 3 6
// param V 0.0 0.4
float FN(vec2 p) {
    return fbm(p * $F + vec2(time * $V, 0.0), $N);
}

// block: gradient_fbm
// param F 0.7 3.0
// int N 3 6
float FN(vec2 p) {
    return gfbm(p * $F + 0.1 * time, $N);
}

// block: ridged
// param F 0.6 2.5
// int N 3 5
float FN(vec2 p) {
    return ridged(p * $F - 0.1 * time, $N);
}

// block: turbulence
// param F 0.6 2.5
// int N 3 6
float FN(vec2 p) {
    return turb(p * $F + vec2(0.0, 0.2 * time), $N);
}

// block: voronoi_distance
// param F 1.0 4.0
// param J 0.5 1.0
float FN(vec2 p) {
    return clamp(voronoi(p * $F + 0.2 * time, $J).x, 0.0, 1.0);
}

// block: voronoi_edges
// param F 1.0 4.0
// param W 0.02 0.3
float FN(vec2 p) {
    vec3 v = voronoi(p * $F, 1.0);
    return smoothstep(0.0, $W, v.y - v.x);
}

// block: voronoi_cells
// param F 1.0 5.0
float FN(vec2 p) {
    vec3 v = voronoi(p * $F, 0.9);
    return fract(v.z + 0.05 * time) * (0.6 + 0.4 * (1.0 - v.x));
}

// block: sine_interference
// int N 2 7
// param F 2.0 9.0
// param A 0.0 3.1416
float FN(vec2 p) {
    float s = 0.0;
    for (int i = 0; i < $N; i++) {
        float a = float(i) * ($A + $P) + 0.1 * time;
        s += sin(dot(p, vec2(cos(a), sin(a))) * $F + time * (0.5 + 0.3 * float(i)));
    }
    return 0.5 + 0.5 * s / float($N);
}

// block: rings
// param F 3.0 16.0
// param V 0.0 3.0
float FN(vec2 p) {
    return 0.5 + 0.5 * sin(length(p) * $F - time * $V);
}

// block: stripes
// param F 2.0 12.0
// param G 0.5 4.0
// param A 0.0 3.0
float FN(vec2 p) {
    return 0.5 + 0.5 * sin(p.x * $F + $A * sin(p.y * $G + time));
}

// block: checker
// param F 1.0 4.0
// param E 0.02 0.4
float FN(vec2 p) {
    vec2 s = smoothstep(-$E, $E, sin(p * $F * PI));
    return s.x * (1.0 - s.y) + s.y * (1.0 - s.x);
}

// block: julia
// int N 12 40
// param S 0.8 1.6
// param A 0.0 6.2832
// param R 0.55 0.8
float FN(vec2 p) {
    vec2 z = p * $S;
    vec2 c = $R * vec2(cos($A + 0.1 * time), sin($A + 0.1 * time));
    float n = 0.0;
    for (int i = 0; i < $N; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        if (dot(z, z) > 16.0) break;
        n += 1.0;
    }
    return n / float($N);
}

// block: kali
// int N 6 16
// param A 0.4 0.95
// param S 0.5 2.0
float FN(vec2 p) {
    p *= $S;
    float s = 0.0;
    for (int i = 0; i < $N; i++) {
        p = abs(p) / dot(p, p) - ($A + 0.05 * sin(0.3 * time));
        s += exp(-2.0 * length(p));
    }
    return clamp(s / float($N) * 2.0, 0.0, 1.0);
}

// block: orbit_trap
// int N 8 24
// param A -0.9 0.4
// param B -0.7 0.7
float FN(vec2 p) {
    vec2 z = p * 1.2;
    vec2 c = vec2($A, $B) + 0.05 * vec2(sin(0.4 * time), cos(0.3 * time));
    float trap = 10.0;
    for (int i = 0; i < $N; i++) {
        z = vec2(z.x * z.x - z.y * z.y, 2.0 * z.x * z.y) + c;
        trap = min(trap, abs(length(z - vec2($P, 0.0)) - 0.3));
    }
    return exp(-4.0 * trap);
}

// block: ifs_folds
// int N 4 10
// param A 0.3 0.9
// param B 0.0 6.2832
float FN(vec2 p) {
    float s = 1.0;
    for (int i = 0; i < $N; i++) {
        p = abs(p) - $A;
        p = rot($B + 0.1 * time) * p * 1.35;
        s *= 1.35;
    }
    return 0.5 + 0.5 * sin(length(p) / s * 40.0);
}

// block: truchet
// param F 1.5 5.0
// param W 0.04 0.2
float FN(vec2 p) {
    vec2 q = p * $F;
    vec2 f = fract(q) - 0.5;
    if (hash12(q) > 0.5) f.x = -f.x;
    vec2 a = f - sign(f.x + f.y + 1e-4) * 0.5;
    return smoothstep($W, 0.0, abs(length(a) - 0.5));
}

// block: grid_lines
// param F 1.5 6.0
// param W 0.05 0.25
float FN(vec2 p) {
    vec2 g = abs(fract(p * $F) - 0.5);
    return smoothstep(0.5 - $W, 0.5, max(g.x, g.y));
}

// block: plasma
// param F 1.0 4.0
float FN(vec2 p) {
    float s = sin(p.x * $F + time) + sin(p.y * $F * 0.8 - time * 0.7);
    s += sin((p.x + p.y) * $F * 0.6 + time * 1.3) + sin(length(p * $F) - time);
    return 0.5 + 0.125 * s;
}

// block: spiral
// param N 1.0 6.0
// param F 1.0 6.0
// param V 0.0 2.0
float FN(vec2 p) {
    vec2 q = polar(p);
    return fract(q.x * floor($N) + q.y * $F - time * $V);
}

// block: metaballs
// int N 3 7
// param R 0.1 0.35
float FN(vec2 p) {
    float s = 0.0;
    for (int i = 0; i < $N; i++) {
        float k = float(i);
        vec2 c = 0.7 * vec2(sin(time * (0.3 + 0.11 * k) + k * 1.7), cos(time * (0.25 + 0.07 * k) + k * 2.3));
        s += $R * $R / dot(p - c, p - c);
    }
    return smoothstep(0.6, 1.4, s);
}

// block: contours
// param F 0.7 2.5
// param L 2.0 8.0
float FN(vec2 p) {
    return fract(fbm(p * $F + 0.05 * time, 4) * $L);
}

// block: dots
// param F 1.5 5.0
float FN(vec2 p) {
    vec2 q = p * $F;
    vec2 f = fract(q) - 0.5;
    float r = 0.15 + 0.3 * hash12(q + 3.0);
    return smoothstep(r, r - 0.08, length(f));
}

// block: radial_rays
// param N 3.0 14.0
// param V -1.0 1.0
float FN(vec2 p) {
    vec2 q = polar(p);
    return 0.5 + 0.5 * sin(TAU * q.x * floor($N) + 2.0 * sin(q.y * 6.0) + time * $V);
}

// block: value_noise
// param F 2.0 6.0
float FN(vec2 p) {
    return vnoise(p * $F + vec2(0.0, time * 0.2));
}

// block: hexagons
// param F 1.5 5.0
float FN(vec2 p) {
    vec2 q = p * $F;
    vec2 r = vec2(1.0, 1.7320508);
    vec2 a = mod(q, r) - 0.5 * r;
    vec2 b = mod(q - 0.5 * r, r) - 0.5 * r;
    vec2 g = dot(a, a) < dot(b, b) ? a : b;
    vec2 h = abs(g);
    return smoothstep(0.0, 0.1, 0.5 - max(dot(h, 0.5 * r), h.x));
}
