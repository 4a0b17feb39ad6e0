"""Augmentation pipelines built from Keras 3 layers.

`ZSKDAugmentation` follows the ZSKD appendix (section 3): scaling to 90/75/60%, translation by
20% in each direction, rotation between -90 and +90 degrees, flips left-right and up-down and
transposition, single or in pairs. The paper enumerates a fixed expanded set and trains on
"a mixture of DI and augmented DI"; we augment a random `fraction` of each batch on the fly
instead of storing a set. This is stronger than the paper's: every augmented image gets all of
the operations at once (a random zoom, shift and rotation, random flips, a transposition with
probability 1/4), and the zoom shrinks content to 71-100% of its size where the paper goes
down to 60%. The committed ZSKD results were measured with it as it is.
"""

from __future__ import annotations

import keras
import tensorflow as tf


@keras.saving.register_keras_serializable(package="tfdfkd")
class ZSKDAugmentation(keras.layers.Layer):
    """Random ZSKD augmentations of (N, H, W, C) images, applied to `fraction` of the batch."""

    def __init__(self, fraction: float = 0.5, seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.fraction = fraction
        self.seed = seed
        self._seed_generator = keras.random.SeedGenerator(seed)
        fill = {"fill_mode": "constant", "fill_value": 0.0, "seed": seed}
        self.scale = keras.layers.RandomZoom(height_factor=(0.0, 0.4), **fill)  # zoom out: content at 1/1.4 = 71..100%
        self.translate = keras.layers.RandomTranslation(0.2, 0.2, **fill)
        self.rotate = keras.layers.RandomRotation(0.25, **fill)  # +-0.25 turn = +-90 degrees
        self.flip = keras.layers.RandomFlip("horizontal_and_vertical", seed=seed)

    def call(self, images, training=True):
        if not training:
            return images
        batch = tf.shape(images)[0]
        augmented = self.flip(self.rotate(self.translate(self.scale(images))))
        if images.shape[1] == images.shape[2]:  # transposition keeps square images square
            transpose = keras.random.uniform((batch, 1, 1, 1), seed=self._seed_generator) < 0.25
            augmented = tf.where(transpose, tf.transpose(augmented, [0, 2, 1, 3]), augmented)
        chosen = keras.random.uniform((batch, 1, 1, 1), seed=self._seed_generator) < self.fraction
        return tf.where(chosen, augmented, images)

    def get_config(self):
        return {**super().get_config(), "fraction": self.fraction, "seed": self.seed}


# --- The shader method's augmentation (Frank & Davis sec. 4) -------------------------------------

AUGMENT_LEVELS = ("standard", "minimal", "none")  # Frank & Davis Table 4's three levels
_RAND_AUGMENT_OPS = ("identity", "shear_x", "shear_y", "translate_x", "translate_y", "rotate", "brightness", "color",
                     "contrast", "sharpness", "posterize", "solarize", "autocontrast", "equalize")
_GEOMETRIC_OPS = 6  # the first six ops move pixels; they share one affine resampling


@keras.saving.register_keras_serializable(package="tfdfkd")
class ShaderAugmentation(keras.layers.Layer):
    """Frank & Davis's distillation augmentation of (N, H, W, C) images in [0, 1].

    level "standard" (sec. 4): RandAugment (n = `num_ops`, m = `magnitude`), a random elastic
    transform, random inversion, random horizontal flip and random crop with zero padding, in
    that order. "minimal" (Table 4): only the flip and the crop. "none": the identity. Mixup is
    separate (`mixup`), because the distiller needs the images before and after it.

    RandAugment follows torchvision's definition (14 ops, 31 magnitude bins: an op's strength is
    its maximum times m / 30; signed ops take a random sign; nearest-neighbour resampling, zero
    fill), with the op drawn per image. `keras.layers.RandAugment` is not used: its `factor` f
    draws each magnitude from [0, f] on one side only (translations only right/down, contrast only
    up), scales rotation as a fraction of a full turn (f = 14/30 would rotate up to 168 degrees,
    torchvision 14), keeps int(8 f) = 3 bits in posterize (torchvision: 6), and picks the ops once
    per batch. All 14 ops work on grey images as they are; "color" (saturation) is the identity on
    one channel, as in torchvision, so no grey -> RGB -> grey round trip is needed.

    The elastic transform follows torchvision's `ElasticTransform` (alpha 50, sigma 5: a
    displacement field of U(-1, 1) noise blurred with a Gaussian of `elastic_sigma` pixels, times
    alpha / 2 pixels, bilinear, zero fill), drawn per image. The crop with padding p is a random
    integer shift of each image by up to p pixels in each direction, with zero fill.

    Run it in the tf.data pipeline (random draws come from the layer's own seed generator).
    """

    def __init__(self, level: str = "standard", num_ops: int = 4, magnitude: int = 14, elastic_alpha: float = 50.0,
                 elastic_sigma: float = 5.0, invert_probability: float = 0.5, flip_probability: float = 0.5,
                 crop_padding: int = 4, seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        if level not in AUGMENT_LEVELS:
            raise ValueError(f"augmentation level {level!r} is not one of {AUGMENT_LEVELS}")
        self.level = level
        self.num_ops = num_ops  # sec. 4: RandAugment n = 4
        self.magnitude = magnitude  # sec. 4: m = 14 (of torchvision's 0..30)
        self.elastic_alpha = elastic_alpha  # torchvision ElasticTransform default
        self.elastic_sigma = elastic_sigma  # torchvision ElasticTransform default
        self.invert_probability = invert_probability  # torchvision RandomInvert default
        self.flip_probability = flip_probability  # torchvision RandomHorizontalFlip default
        self.crop_padding = crop_padding  # sec. 4 (CIFAR at 32x32): random crop with padding 4
        self.seed = seed
        self._seed_generator = keras.random.SeedGenerator(seed)

    def call(self, images, training=True):
        if not training or self.level == "none":
            return images
        x = tf.convert_to_tensor(images, tf.float32)
        if self.level == "standard":
            for _ in range(self.num_ops):
                x = self._rand_augment_op(x)
            x = self._elastic(x)
            x = self._where(self._coin(x, self.invert_probability), 1.0 - x, x)
        x = self._where(self._coin(x, self.flip_probability), x[:, :, ::-1, :], x)
        shift = keras.random.randint((tf.shape(x)[0], 2), -self.crop_padding, self.crop_padding + 1, seed=self._seed_generator)
        shift = tf.cast(shift, tf.float32)
        ones, zeros = tf.ones_like(shift[:, 0]), tf.zeros_like(shift[:, 0])
        crop = tf.stack([ones, zeros, -shift[:, 0], zeros, ones, -shift[:, 1], zeros, zeros], axis=1)
        return tf.clip_by_value(self._resample(x, crop), 0.0, 1.0)  # bilinear weights can leave -1e-7

    def get_config(self):
        return {**super().get_config(), "level": self.level, "num_ops": self.num_ops, "magnitude": self.magnitude,
                "elastic_alpha": self.elastic_alpha, "elastic_sigma": self.elastic_sigma,
                "invert_probability": self.invert_probability, "flip_probability": self.flip_probability,
                "crop_padding": self.crop_padding, "seed": self.seed}

    @staticmethod
    def _where(condition, a, b):
        return tf.where(tf.reshape(condition, [-1, 1, 1, 1]), a, b)

    def _coin(self, x, probability):
        return keras.random.uniform((tf.shape(x)[0],), seed=self._seed_generator) < probability

    @staticmethod
    def _resample(x, transform):
        """Per-image projective `transform` (B, 8), output -> input coordinates; nearest, zero fill."""
        return keras.ops.image.affine_transform(x, transform, interpolation="nearest", fill_mode="constant", fill_value=0.0)

    def _rand_augment_op(self, x):
        """One RandAugment slot: every image gets one of the 14 ops, drawn uniformly."""
        batch, height, width, channels = tf.shape(x)[0], x.shape[1], x.shape[2], x.shape[3]
        level = self.magnitude / 30.0  # torchvision: linspace(0, max, 31)[m]
        op = keras.random.randint((batch,), 0, len(_RAND_AUGMENT_OPS), seed=self._seed_generator)
        sign = tf.where(self._coin(x, 0.5), -1.0, 1.0)
        ones, zeros = tf.ones_like(sign), tf.zeros_like(sign)

        shear = 0.3 * level * sign  # torchvision: shear up to 0.3, about the top-left corner
        shift_x, shift_y = 150 / 331 * level * width * sign, 150 / 331 * level * height * sign  # up to 45% of the size
        angle = 30.0 * level * sign * (3.141592653589793 / 180)  # up to 30 degrees, about the centre
        cx, cy = (width - 1) / 2, (height - 1) / 2
        cos, sin = tf.cos(angle), tf.sin(angle)
        transforms = tf.stack([
            tf.stack([ones, zeros, zeros, zeros, ones, zeros, zeros, zeros], 1),  # identity
            tf.stack([ones, shear, zeros, zeros, ones, zeros, zeros, zeros], 1),
            tf.stack([ones, zeros, zeros, shear, ones, zeros, zeros, zeros], 1),
            tf.stack([ones, zeros, -shift_x, zeros, ones, zeros, zeros, zeros], 1),
            tf.stack([ones, zeros, zeros, zeros, ones, -shift_y, zeros, zeros], 1),
            tf.stack([cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy, zeros, zeros], 1),
        ], axis=1)  # (B, 6, 8)
        moved = self._resample(x, tf.gather(transforms, tf.where(op < _GEOMETRIC_OPS, op, 0), batch_dims=1))

        factor = tf.reshape(1.0 + 0.9 * level * sign, [-1, 1, 1, 1])  # enhance ops: 1 +- 0.9 m / 30

        def blend(degenerate):
            return tf.clip_by_value(degenerate + factor * (x - degenerate), 0.0, 1.0)

        grey = _grey(x)
        bits = 8 - round(self.magnitude / 7.5)  # torchvision: 8 - round(m / ((31 - 1) / 4))
        quantum = 2.0 ** (8 - bits)
        candidates = [
            moved,
            tf.clip_by_value(x * factor, 0.0, 1.0),  # brightness
            blend(grey) if channels == 3 else x,  # color: the identity on grey images
            blend(tf.reduce_mean(grey, axis=[1, 2, 3], keepdims=True)),  # contrast
            blend(_smooth(x)),  # sharpness
            tf.floor(tf.round(x * 255.0) / quantum) * quantum / 255.0,  # posterize
            tf.where(x >= 1.0 - level, 1.0 - x, x),  # solarize: threshold linspace(1, 0, 31)[m]
            _autocontrast(x),
            _equalize(x),
        ]
        choice = tf.maximum(op - (_GEOMETRIC_OPS - 1), 0)  # ops 0..5 -> `moved`, 6.. -> the rest in order
        stacked = tf.stack(candidates, axis=1)  # (B, 9, H, W, C)
        return tf.gather(stacked, choice, batch_dims=1)

    def _elastic(self, x):
        """torchvision ElasticTransform: per-image displacement field, bilinear, zero fill."""
        batch, height, width = tf.shape(x)[0], x.shape[1], x.shape[2]
        noise = keras.random.uniform((batch, height, width, 2), -1.0, 1.0, seed=self._seed_generator)
        size = int(8 * self.elastic_sigma + 1) | 1  # torchvision's kernel size
        pad = min(size // 2, height - 1, width - 1)  # reflection padding must stay inside the image
        taps = tf.range(-pad, pad + 1, dtype=tf.float32)
        kernel = tf.exp(-0.5 * tf.square(taps / self.elastic_sigma))
        kernel /= tf.reduce_sum(kernel)
        field = tf.pad(noise, [[0, 0], [pad, pad], [pad, pad], [0, 0]], mode="REFLECT")
        field = tf.nn.depthwise_conv2d(field, tf.tile(tf.reshape(kernel, [-1, 1, 1, 1]), [1, 1, 2, 1]), [1, 1, 1, 1], "VALID")
        field = tf.nn.depthwise_conv2d(field, tf.tile(tf.reshape(kernel, [1, -1, 1, 1]), [1, 1, 2, 1]), [1, 1, 1, 1], "VALID")
        field *= self.elastic_alpha / 2.0  # torchvision: alpha / size in [-1, 1] coordinates = alpha / 2 pixels
        rows, cols = tf.meshgrid(tf.range(height, dtype=tf.float32), tf.range(width, dtype=tf.float32), indexing="ij")
        return _bilinear(x, rows[None] + field[..., 1], cols[None] + field[..., 0])


def _grey(x):
    """ITU-R 601 luma (torchvision's rgb_to_grayscale weights) of RGB images; grey images as they are."""
    if x.shape[-1] == 1:
        return x
    return tf.reduce_sum(x * tf.constant([0.2989, 0.587, 0.114]), axis=-1, keepdims=True)


def _smooth(x):
    """PIL's SMOOTH filter ([[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13) inside, the border pixels kept."""
    channels = x.shape[-1]
    kernel = tf.constant([[1.0, 1.0, 1.0], [1.0, 5.0, 1.0], [1.0, 1.0, 1.0]]) / 13.0
    inner = tf.nn.depthwise_conv2d(x, tf.tile(kernel[:, :, None, None], [1, 1, channels, 1]), [1, 1, 1, 1], "VALID")
    return tf.concat([x[:, :1], tf.concat([x[:, 1:-1, :1], inner, x[:, 1:-1, -1:]], axis=2), x[:, -1:]], axis=1)


def _autocontrast(x):
    """Per image and channel, stretch [min, max] to [0, 1] (unchanged where min == max)."""
    low = tf.reduce_min(x, axis=[1, 2], keepdims=True)
    high = tf.reduce_max(x, axis=[1, 2], keepdims=True)
    return tf.where(high > low, (x - low) / tf.maximum(high - low, 1e-12), x)


def _equalize(x):
    """PIL's ImageOps.equalize per image and channel, on 8-bit levels (keras.layers.Equalization
    pools the histogram over the whole batch instead)."""
    shape = tf.shape(x)
    levels = tf.cast(tf.round(tf.clip_by_value(x, 0.0, 1.0) * 255.0), tf.int32)
    rows = tf.reshape(tf.transpose(levels, [0, 3, 1, 2]), [shape[0] * shape[3], -1])  # (B * C, H * W)
    histogram = tf.math.bincount(rows, minlength=256, maxlength=256, axis=-1)
    last = 255 - tf.argmax(tf.reverse(tf.cast(histogram > 0, tf.int32), [1]), axis=1, output_type=tf.int32)
    step = (tf.shape(rows)[1] - tf.gather(histogram, last, batch_dims=1)) // 255
    lut = tf.minimum((step[:, None] // 2 + tf.cumsum(histogram, axis=1, exclusive=True)) // tf.maximum(step[:, None], 1), 255)
    equalized = tf.where(step[:, None] > 0, tf.gather(lut, rows, batch_dims=1), rows)
    equalized = tf.transpose(tf.reshape(equalized, [shape[0], shape[3], shape[1], shape[2]]), [0, 2, 3, 1])
    return tf.cast(equalized, tf.float32) / 255.0


def _bilinear(images, rows, cols):
    """Samples (B, H, W, C) `images` at float pixel coordinates (B, H, W); zero outside."""
    shape = tf.shape(images)
    top, left = tf.floor(rows), tf.floor(cols)
    result = 0.0
    for dr, dc in ((0, 0), (0, 1), (1, 0), (1, 1)):
        r, c = top + dr, left + dc
        weight = (1.0 - tf.abs(rows - r)) * (1.0 - tf.abs(cols - c))
        inside = (r >= 0) & (r <= tf.cast(shape[1] - 1, tf.float32)) & (c >= 0) & (c <= tf.cast(shape[2] - 1, tf.float32))
        index = tf.stack([tf.cast(tf.clip_by_value(r, 0.0, tf.cast(shape[1] - 1, tf.float32)), tf.int32),
                          tf.cast(tf.clip_by_value(c, 0.0, tf.cast(shape[2] - 1, tf.float32)), tf.int32)], axis=-1)
        values = tf.gather_nd(images, index, batch_dims=1)
        result += values * tf.where(inside, weight, 0.0)[..., None]
    return result


def mixup(images, targets, seed, alpha=None):
    """Mixup (Zhang et al. 2018) of a batch with a random permutation of itself.

    Each image i becomes lambda_i x_i + (1 - lambda_i) x_perm(i), and its target the same mix
    of the two targets, with lambda_i ~ Beta(alpha, alpha). Frank & Davis sec. 4 (after Beyer
    et al.): alpha ~ U(0, 1), drawn once per call (per batch, or per replica's slice of it);
    pass `alpha` to fix it. Stateless: `seed` is two integers, so it runs inside a compiled
    train step under any strategy. Beta variates come from log-Gamma variates
    (Gamma(a) = Gamma(a + 1) U^(1/a)), which stay finite for the tiny alphas U(0, 1) gives.

    `targets` may be None (the teacher labels the mixed images itself): then so are the mixed targets.

    Returns (mixed images (B, H, W, C), mixed targets (B, K) or None, lambda (B,)).
    """
    images = tf.convert_to_tensor(images, tf.float32)
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), 6)
    batch = tf.shape(images)[0]
    if alpha is None:
        alpha = tf.random.stateless_uniform([], seeds[0], 1e-3, 1.0)
    alpha = tf.cast(alpha, tf.float32)

    def log_gamma(seed_a, seed_u):
        g = tf.random.stateless_gamma([batch], seed_a, alpha + 1.0)
        u = tf.random.stateless_uniform([batch], seed_u, 1e-12, 1.0)
        return tf.math.log(tf.maximum(g, 1e-30)) + tf.math.log(u) / alpha

    lam = tf.sigmoid(log_gamma(seeds[1], seeds[2]) - log_gamma(seeds[3], seeds[4]))  # g1 / (g1 + g2)
    permutation = tf.argsort(tf.random.stateless_uniform([batch], seeds[5]))
    mixed = lam[:, None, None, None] * images + (1.0 - lam[:, None, None, None]) * tf.gather(images, permutation)
    if targets is None:
        return mixed, None, lam
    targets = tf.convert_to_tensor(targets, tf.float32)
    mixed_targets = lam[:, None] * targets + (1.0 - lam[:, None]) * tf.gather(targets, permutation)
    return mixed, mixed_targets, lam
