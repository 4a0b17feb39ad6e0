"""Augmentation pipelines built from Keras 3 layers.

`ZSKDAugmentation` follows the ZSKD appendix (section 3): scaling to 90/75/60%, translation by
20% in each direction, rotation between -90 and +90 degrees, flips left-right and up-down and
transposition, and their combinations. The paper enumerates a fixed expanded set and trains on
"a mixture of DI and augmented DI"; we draw the same operations at random per image and
augment a random `fraction` of each batch, which covers the same set in expectation without
storing it.
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
        fill = dict(fill_mode="constant", fill_value=0.0, seed=seed)
        self.scale = keras.layers.RandomZoom(height_factor=(0.0, 0.4), **fill)  # zoom out to 60..100%
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
