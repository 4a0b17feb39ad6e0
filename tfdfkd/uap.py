"""Universal adversarial perturbations (UAPs) from a transfer set, without the training data.

The Data Impressions paper (TPAMI, sec. 4.4, Table 7) trains a generator of UAPs on Data
Impressions instead of real images, following Mopuri et al.'s "Ask, Acquire, and Attack" (AAA),
which used Class Impressions. One perturbation, added to any image, should change the
classifier's prediction; the fooling rate on the real test set measures it.

* Generator: a 10-dimensional z ~ U[-1, 1] through a dense layer and 4 transposed convolutions
  to the classifier's input shape; the last one ends in tanh scaled by `eps` (10/255 in the
  paper), so every perturbation is inside the L-inf ball.
* Loss on a batch of transfer images x with perturbations d = G(z), one per image:
  fooling, mean -log(1 - p_c(x + d)) with c the class predicted for the clean x (pushes the
  clean prediction's probability to 0); minus `diversity_weight` x the mean cosine distance
  between the logits of x + d and of x + d' (d' the same perturbations shuffled), so that
  different z give different perturbations.

Train with `train_generator`; `fooling_rate` and `measure` score perturbations on real images.
"""

from __future__ import annotations

from typing import NamedTuple

import keras
import numpy as np
import tensorflow as tf

from tfdfkd.distill import predicted_classes

LATENT_DIM = 10


def build_generator(input_shape: tuple[int, int, int], eps: float, width: int = 64, seed: int = 0) -> keras.Model:
    """z (LATENT_DIM,) -> a perturbation of `input_shape` in [-eps, eps] (4 transposed convolutions)."""
    height, _, channels = input_shape
    if height % 8:
        raise ValueError(f"the generator upsamples by 8: input height {height} must be a multiple of 8")
    init = keras.initializers.GlorotUniform(seed=seed)
    base = height // 8
    layers = [keras.Input((LATENT_DIM,)), keras.layers.Dense(base * base * width * 4, kernel_initializer=init),
              keras.layers.Reshape((base, base, width * 4)), keras.layers.BatchNormalization(), keras.layers.ReLU()]
    for filters in (width * 2, width, width // 2):
        layers += [keras.layers.Conv2DTranspose(filters, 4, strides=2, padding="same", kernel_initializer=init),
                   keras.layers.BatchNormalization(), keras.layers.ReLU()]
    layers += [keras.layers.Conv2DTranspose(channels, 4, strides=1, padding="same", activation="tanh", kernel_initializer=init),
               keras.layers.Rescaling(eps)]
    return keras.Sequential(layers, name="uap_generator")


def fooling_rate(classifier, images: np.ndarray, perturbation: np.ndarray, clean: np.ndarray | None = None) -> float:
    """Share of `images` whose predicted class changes when `perturbation` is added (then clipped to
    [0, 1]); `clean` (the classes predicted for `images`) saves recomputing them."""
    clean = predicted_classes(classifier, images) if clean is None else clean
    return float(np.mean(predicted_classes(classifier, np.clip(images + perturbation, 0.0, 1.0)) != clean))


def measure(classifier, images: np.ndarray, labels: np.ndarray, perturbations) -> tuple[list[float], list[float]]:
    """Per perturbation: its fooling rate on `images`, and `classifier`'s accuracy on the perturbed images."""
    clean = predicted_classes(classifier, images)
    rates, accuracies = [], []
    for perturbation in perturbations:
        attacked = predicted_classes(classifier, np.clip(images + perturbation, 0.0, 1.0))
        rates.append(float(np.mean(attacked != clean)))
        accuracies.append(float(np.mean(attacked == labels)))
    return rates, accuracies


class TrainedGenerator(NamedTuple):
    generator: keras.Model
    losses: list[float]  # mean loss per `log_every` steps

    def sample(self, count: int, seed: int = 0) -> np.ndarray:
        """`count` perturbations from fresh z."""
        z = np.random.default_rng(seed).uniform(-1.0, 1.0, (count, LATENT_DIM)).astype("float32")
        return self.generator(z, training=False).numpy()


def train_generator(classifier, transfer_images: np.ndarray, eps: float, steps: int = 2000, batch_size: int = 32,
                    learning_rate: float = 1e-3, diversity_weight: float = 1.0, seed: int = 0, log_every: int = 100,
                    progress=None) -> TrainedGenerator:
    """Trains a UAP generator for `classifier` (images to logits; frozen) on `transfer_images`."""
    keras.utils.set_random_seed(seed)
    generator = build_generator(tuple(transfer_images.shape[1:]), eps, seed=seed)
    optimizer = keras.optimizers.Adam(learning_rate)
    data = iter(tf.data.Dataset.from_tensor_slices(transfer_images.astype("float32"))
                .shuffle(min(len(transfer_images), 50000), seed=seed).repeat().batch(batch_size, drop_remainder=True))
    rng = tf.random.Generator.from_seed(seed)

    @tf.function
    def step(x):
        z = rng.uniform((batch_size, LATENT_DIM), -1.0, 1.0)
        clean = tf.argmax(classifier(x, training=False), -1)
        with tf.GradientTape() as tape:
            d = generator(z, training=True)
            logits = classifier(tf.clip_by_value(x + d, 0.0, 1.0), training=False)
            p_clean = tf.gather(tf.nn.softmax(logits), clean, batch_dims=1)
            fooling = tf.reduce_mean(-tf.math.log(tf.maximum(1.0 - p_clean, 1e-6)))
            shuffled = classifier(tf.clip_by_value(x + tf.random.shuffle(d), 0.0, 1.0), training=False)
            similarity = -keras.losses.cosine_similarity(logits, shuffled)  # in [-1, 1]
            diversity = tf.reduce_mean(1.0 - similarity)
            loss = fooling - diversity_weight * diversity
        variables = generator.trainable_variables
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss

    losses, window = [], []
    for i in range(steps):
        window.append(float(step(next(data))))
        if progress is not None:
            progress.update(i + 1, [("loss", window[-1])])
        if len(window) == log_every or i == steps - 1:
            losses.append(float(np.mean(window)))
            window = []
    return TrainedGenerator(generator, losses)
