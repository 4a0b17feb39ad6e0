// Tone curves for tfdfkd.render.generator: each block defines `float FN(float v)`.
// Block format: see transforms.glsl.

// block: bands
// param A 1.5 5.0
float FN(float v) { return fract(v * $A); }

// block: smooth_threshold
// param A 0.2 0.5
// param W 0.05 0.4
float FN(float v) { return smoothstep($A, $A + $W, v); }

// block: gamma
// param G 0.4 2.5
float FN(float v) { return pow(clamp(v, 0.0, 1.0), $G); }

// block: invert
float FN(float v) { return 1.0 - v; }

// block: posterize
// int N 3 7
float FN(float v) { return floor(clamp(v, 0.0, 0.999) * float($N)) / float($N - 1); }

// block: fold_sine
// param A 1.0 5.0
// param V 0.0 2.0
float FN(float v) { return 0.5 + 0.5 * cos(TAU * v * $A * (0.5 + $P) + time * $V); }

// block: contrast
// param A 1.0 3.0
float FN(float v) { return clamp(0.5 + (v - 0.5) * $A, 0.0, 1.0); }

// block: triangle
// param A 1.0 3.0
float FN(float v) { return abs(2.0 * fract(v * $A) - 1.0); }
