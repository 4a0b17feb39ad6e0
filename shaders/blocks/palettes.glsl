// Colourings for tfdfkd.render.generator: each block defines `vec3 FN(float v)` in [0, 1].
// Block format: see transforms.glsl.

// block: cosine
// param C 0.5 2.0
vec3 FN(float v) {
    return cpal(v, vec3($U, $U, $U) * 0.4 + 0.3, vec3($U, $U, $U) * 0.3 + 0.3, vec3($C, $C, $C), vec3($U, $U, $U));
}

// block: cosine_shifted
// param C 0.3 1.5
vec3 FN(float v) {
    return cpal(v + $P, vec3(0.5), vec3(0.5), vec3($C), vec3(0.0, 0.33, 0.67) + $U);
}

// block: grey
vec3 FN(float v) { return vec3(clamp(v, 0.0, 1.0)); }

// block: grey_gamma
// param G 0.4 2.5
vec3 FN(float v) { return vec3(pow(clamp(v, 0.0, 1.0), $G)); }

// block: grey_inverted
vec3 FN(float v) { return vec3(1.0 - clamp(v, 0.0, 1.0)); }

// block: two_tone
vec3 FN(float v) {
    vec3 dark = 0.35 * vec3($U, $U, $U), light = vec3(0.6) + 0.4 * vec3($U, $U, $U);
    return mix(dark, light, clamp(v, 0.0, 1.0));
}

// block: rainbow
// param A 0.5 3.0
// param S 0.4 1.0
vec3 FN(float v) { return hsv(v * $A + $U, $S, 0.3 + 0.7 * v); }

// block: heat
vec3 FN(float v) {
    v = clamp(v, 0.0, 1.0);
    return clamp(vec3(3.0 * v, 3.0 * v - 1.0, 3.0 * v - 2.0), 0.0, 1.0);
}

// block: banded_hue
// int N 3 8
vec3 FN(float v) { return hsv(floor(v * float($N)) / float($N) + $U, 0.8, 0.4 + 0.6 * fract(v * float($N))); }

// block: ink
// param K 0.5 4.0
vec3 FN(float v) { return vec3(1.0) - vec3($U, $U, $U) * exp(-$K * (1.0 - clamp(v, 0.0, 1.0)) * 2.0); }
