// Ways to merge two fields for tfdfkd.render.generator: each block defines
// `float FN(float a, float b)`. Block format: see transforms.glsl.

// block: mix
// param A 0.2 0.8
float FN(float a, float b) { return mix(a, b, $A); }

// block: product
float FN(float a, float b) { return a * b; }

// block: difference
float FN(float a, float b) { return abs(a - b); }

// block: wrap_sum
float FN(float a, float b) { return fract(a + b); }

// block: maximum
float FN(float a, float b) { return max(a, b); }

// block: minimum
float FN(float a, float b) { return min(a, b); }

// block: phase
// param A 0.5 3.0
float FN(float a, float b) { return 0.5 + 0.5 * sin(TAU * (a + $A * b)); }

// block: exclusive
float FN(float a, float b) { return a + b - 2.0 * a * b; }

// block: mask
// param E 0.02 0.2
float FN(float a, float b) { return mix(a, 1.0 - a, smoothstep(0.5 - $E, 0.5 + $E, b)); }

// block: screen
float FN(float a, float b) { return 1.0 - (1.0 - a) * (1.0 - b); }
