"""The decorrelated (Fourier) image parametrisation shared by the input-optimising methods.

Not in ZSKD or DeepInversion; it comes from feature-visualisation work. Instead of pixels, the
optimiser moves the real and imaginary parts of each channel's 2-D spectrum, with frequency f
weighted by 1 / max(f, 1 / size)**decay. Adam's per-coordinate steps then move low frequencies
further than high ones, as natural images vary, so images stay smooth without a TV prior.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf


class SpectrumImages:
    """Maps (B, H, W, C) images to white spectrum coefficients (B, C, H, W // 2 + 1, 2) and back.

    `coefficients(x)` is x's spectrum, normalised so that white-noise images give coefficients of
    about unit variance; `render(p)` applies the 1 / f**decay weights and inverts the transform.
    `render(coefficients(x))` is x with its spectrum coloured, not x itself: callers scale it
    (see `gain`) so that the starting images keep their noise's standard deviation.
    """

    def __init__(self, height: int, width: int, decay: float):
        self.height, self.width = height, width
        fy = np.fft.fftfreq(height)[:, None]
        fx = np.fft.rfftfreq(width)[None, :]
        weight = 1.0 / np.maximum(np.sqrt(fx**2 + fy**2), 1.0 / max(height, width)) ** decay
        self.weight = tf.constant(weight, tf.float32)

    def coefficients(self, x: tf.Tensor) -> tf.Tensor:
        spectrum = tf.signal.rfft2d(tf.transpose(x, [0, 3, 1, 2])) / np.sqrt(self.height * self.width / 2.0)
        return tf.stack([tf.math.real(spectrum), tf.math.imag(spectrum)], axis=-1)

    def render(self, p: tf.Tensor) -> tf.Tensor:
        spectrum = tf.complex(p[..., 0] * self.weight, p[..., 1] * self.weight)
        return tf.transpose(tf.signal.irfft2d(spectrum, fft_length=[self.height, self.width]), [0, 2, 3, 1])

    def gain(self, x: tf.Tensor) -> tf.Tensor:
        """The scale that gives `render(coefficients(x))` the standard deviation of x (a constant)."""
        return tf.stop_gradient(tf.math.reduce_std(x) / (tf.math.reduce_std(self.render(self.coefficients(x))) + 1e-12))
