// Coordinate transforms for tfdfkd.render.generator: each block defines `vec2 FN(vec2 p)`.
// Format of every block file: `// block: <name>` starts a block; `// param NAME lo hi` declares
// a float drawn uniformly in [lo, hi), `// int NAME lo hi` an integer in [lo, hi]; in the code,
// `$NAME` is replaced by the drawn number, `$U` by a fresh float in [0, 1) at each use, `$P` by
// one of the uniforms p0..p3 (drawn at each use), and `FN` by the function's name in the program.

// block: warp_fbm
// param F 0.5 2.0
// param S 0.2 1.2
// param V 0.0 0.3
vec2 FN(vec2 p) {
    vec2 q = vec2(fbm(p * $F + time * $V, 4), fbm(p * $F + vec2(5.2, 1.3) - time * $V, 4));
    return p + $S * (2.0 * q - 1.0) * (0.5 + $P);
}

// block: warp_twice
// param F 0.5 2.0
// param S 0.4 1.8
vec2 FN(vec2 p) {
    vec2 q = vec2(gfbm(p * $F, 3), gfbm(p * $F + vec2(1.7, 9.2), 3));
    vec2 r = vec2(gfbm(p * $F + $S * q + vec2(8.3, 2.8) + 0.1 * time, 3), gfbm(p * $F + $S * q + vec2(3.1, 6.5), 3));
    return p + $S * (r - 0.5);
}

// block: warp_sine
// param A 0.05 0.5
// param F 1.0 5.0
// param V 0.1 1.5
vec2 FN(vec2 p) {
    return p + $A * sin(p.yx * $F + time * $V + $P * TAU);
}

// block: warp_cross
// param A 0.1 0.6
// param F 1.0 4.0
// param G 1.0 4.0
vec2 FN(vec2 p) {
    return p + $A * vec2(sin(p.y * $F + time), cos(p.x * $G - 0.7 * time));
}

// block: polar
// param N 1.0 4.0
// param S 0.5 2.0
vec2 FN(vec2 p) {
    vec2 q = polar(p);
    return vec2(q.x * floor($N + 3.0 * $P), q.y * $S);
}

// block: log_polar
// param N 1.0 4.0
// param S 0.4 1.5
// param V 0.0 0.5
vec2 FN(vec2 p) {
    vec2 q = polar(p);
    return vec2(q.x * $N, log(q.y + 1e-3) * $S - time * $V);
}

// block: kaleidoscope
// int N 3 12
// param V -0.3 0.3
vec2 FN(vec2 p) {
    return kfold(rot(time * $V + $P) * p, float($N));
}

// block: angular_repeat
// int N 2 9
// param R 0.2 1.0
vec2 FN(vec2 p) {
    float w = TAU / float($N);
    float a = mod(atan(p.y, p.x) + 0.5 * w, w) - 0.5 * w;
    return length(p) * vec2(cos(a), sin(a)) - vec2($R, 0.0);
}

// block: rotate_scale
// param A 0.0 6.2832
// param S 0.4 1.6
// param V -0.4 0.4
vec2 FN(vec2 p) {
    return rot($A + time * $V) * p * ($S * (0.6 + 0.8 * $P));
}

// block: tile
// param S 0.7 2.5
vec2 FN(vec2 p) {
    return fract(p * $S) - 0.5;
}

// block: mirror_tile
// param S 0.5 2.5
vec2 FN(vec2 p) {
    return abs(fract(p * $S * 0.5) * 2.0 - 1.0);
}

// block: brick_tile
// param S 0.8 2.5
// param O 0.2 0.8
vec2 FN(vec2 p) {
    vec2 q = p * $S;
    q.x += $O * step(1.0, mod(floor(q.y), 2.0)) + 0.2 * time;
    return fract(q) - 0.5;
}

// block: swirl
// param A -3.0 3.0
// param V -0.5 0.5
vec2 FN(vec2 p) {
    return rot($A * length(p) * (0.5 + $P) + time * $V) * p;
}

// block: inversion
// param S 0.3 1.5
// param O -0.5 0.5
vec2 FN(vec2 p) {
    p += vec2($O, 0.3 * sin(0.2 * time));
    return $S * p / max(dot(p, p), 0.04);
}

// block: bulge
// param A -0.6 1.2
vec2 FN(vec2 p) {
    return p * pow(length(p) + 0.05, $A);
}

// block: ripple
// param A 0.05 0.3
// param F 2.0 9.0
// param V 0.5 3.0
vec2 FN(vec2 p) {
    return p * (1.0 + $A * sin(length(p) * $F - time * $V));
}

// block: fold
// int N 2 6
// param A 0.2 0.9
// param B 0.2 1.4
vec2 FN(vec2 p) {
    for (int i = 0; i < $N; i++) {
        p = abs(p) - $A * (0.7 + 0.6 * $P);
        p = rot($B + 0.05 * time) * p;
    }
    return p;
}

// block: shear
// param A -1.0 1.0
// param B 0.1 0.6
// param F 1.0 5.0
vec2 FN(vec2 p) {
    return vec2(p.x + $A * p.y, p.y + $B * sin(p.x * $F + time));
}

// block: complex_square
// param S 0.5 1.5
vec2 FN(vec2 p) {
    p *= $S;
    return vec2(p.x * p.x - p.y * p.y, 2.0 * p.x * p.y) + 0.3 * vec2(cos(0.3 * time), sin(0.2 * time));
}

// block: joukowski
// param R 0.3 1.2
vec2 FN(vec2 p) {
    vec2 q = p / max(dot(p, p), 0.01);
    return 0.5 * (p + $R * $R * vec2(q.x, -q.y));
}

// block: pixelate
// param S 2.0 8.0
vec2 FN(vec2 p) {
    float s = $S * (0.5 + $P);
    return (floor(p * s) + 0.5) / s;
}

// block: noise_displace
// param F 1.0 4.0
// param A 0.05 0.4
vec2 FN(vec2 p) {
    float a = TAU * vnoise(p * $F + 0.3 * time);
    return p + $A * vec2(cos(a), sin(a));
}

// block: tunnel
// param S 0.3 1.5
// param V 0.2 2.0
vec2 FN(vec2 p) {
    vec2 q = polar(p);
    return vec2(q.x * 2.0, $S / (q.y + 0.05) + time * $V);
}
