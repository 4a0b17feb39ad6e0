"""PGD adversarial training (Madry et al. 2018), to make robust teachers.

The Data Impressions paper (TPAMI, Table 4) distills students from PGD-trained teachers to show
that impressions carry robustness over. `AdversarialTraining` wraps a classifier for
`compile`/`fit`: each training batch is replaced by its PGD examples against the model as it is
at that step (random start, `iterations` steps of 2.5 * eps / iterations), and the model is
updated on those. Evaluation and prediction see clean images. Build it inside
`strategy.scope()`; every replica attacks its own share of the batch.
"""

from __future__ import annotations

import keras
import tensorflow as tf

from tfdfkd import attacks
from tfdfkd.robustness import step_size


class AdversarialTraining(keras.Model):
    """Trains `classifier` (images to logits) on PGD examples of radius `eps` built at every step."""

    def __init__(self, classifier: keras.Model, eps: float, iterations: int = 7, seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.classifier = classifier
        self.eps, self.iterations, self.seed = float(eps), int(iterations), int(seed)

    def call(self, images, training=False):
        return self.classifier(images, training=training)

    def train_step(self, data):
        images, labels = data[0], data[1]
        step_seed = tf.stack([tf.constant(self.seed, tf.int32), tf.cast(self.optimizer.iterations, tf.int32)])
        adversarial = attacks.pgd(self.classifier, images, labels, self.eps, step_size(self.eps, self.iterations),
                                  self.iterations, seed=step_seed)
        return super().train_step((tf.stop_gradient(adversarial), labels))  # Keras's own update, on the PGD examples
