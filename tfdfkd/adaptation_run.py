"""A whole source-free adaptation run, resumable after a kill.

    adapted, record = adapt(source_model, source_images, target_images, AdaptConfig(steps=3000), work_dir="runs/adapt")

`source_images` stand in for the source data: Data Impressions of `source_model` (data-free, the
paper's method), or real source images for the source-dependent ADDA reference. The target images
are unlabelled. `work_dir` keeps a backup of the three networks every epoch of `steps_per_epoch`
steps; a rerun with the same settings, model and images resumes from it (its input pipeline
starts over, so the first batches are seen again), also after the last step, until the caller
removes `work_dir/backup` once the result is stored; a rerun with others is refused. TensorBoard logs go to `work_dir/tensorboard`. When `eval_set`
(labelled target test images) is given, each epoch logs the adapted classifier's accuracy on it,
for watching only: the last step is the result.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os

import keras
import numpy as np
import tensorflow as tf

from tfdfkd import models
from tfdfkd.adaptation import (
    AdversarialAdaptation,
    adapted_classifier,
    domain_discriminator,
    split_classifier,
)
from tfdfkd.adaptation_config import AdaptConfig  # what adapt() takes; importable from here too
from tfdfkd.backup import BackupAndRestore
from tfdfkd.distill import EvalAccuracy
from tfdfkd.errors import TfdfkdError


def _images(images: np.ndarray, batch_size: int, seed: int) -> tf.data.Dataset:
    return tf.data.Dataset.from_tensor_slices(images).shuffle(len(images), seed=seed).repeat().batch(batch_size, drop_remainder=True)


def _fingerprint(*arrays: np.ndarray) -> str:
    """A digest of `arrays`' shapes and values: tells a backup of this run from one of another."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype}{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()[:16]


class _StopOnNonFinite(keras.callbacks.Callback):
    """Stops `fit` at the first batch whose adversarial losses are NaN/Inf (Keras's TerminateOnNaN
    watches a `loss` entry that this model does not log)."""

    def on_train_batch_end(self, batch, logs=None):
        if any(not np.isfinite(float(value)) for value in (logs or {}).values()):
            self.model.stop_training = True


def adapt(source_model: keras.Model, source_images: np.ndarray, target_images: np.ndarray, config: AdaptConfig, work_dir: str,
          strategy: tf.distribute.Strategy | None = None, eval_set: tuple[np.ndarray, np.ndarray] | None = None,
          verbose: int = 2) -> tuple[keras.Model, dict]:
    """`source_model` adapted to the domain of `target_images` (float images in [0, 1] at its
    input shape), and a record of the run."""
    strategy = strategy or tf.distribute.get_strategy()
    for what, images in (("source", source_images), ("target", target_images)):
        if len(images) < config.batch_size:
            raise TfdfkdError(f"{len(images)} {what} images are fewer than one batch of {config.batch_size}",
                              f"give more {what} images or a smaller --batch_size")
    keras.utils.set_random_seed(config.seed)
    with strategy.scope():
        source_encoder, head = split_classifier(source_model)
        target_encoder = models.copy(source_encoder)
        adaptation = AdversarialAdaptation(source_encoder, target_encoder,
                                           domain_discriminator(source_encoder, config.discriminator_width, config.seed))
        adaptation.compile(keras.optimizers.Adam(config.learning_rate, beta_1=0.5), keras.optimizers.Adam(config.learning_rate, beta_1=0.5))
        adapted = adapted_classifier(target_encoder, head)  # shares the target encoder: watches it train
    data = tf.data.Dataset.zip((_images(source_images, config.batch_size, config.seed),
                                _images(target_images, config.batch_size, config.seed + 1)))
    settings = {"config": dataclasses.asdict(config), "source_model": _fingerprint(*source_model.get_weights()),
                "source_images": _fingerprint(source_images), "target_images": _fingerprint(target_images)}
    backup = BackupAndRestore(os.path.join(work_dir, "backup"), settings=settings,
                              fix=f"delete {work_dir} (or its backup/) to start again, or give another work_dir")
    callbacks = ([EvalAccuracy(adapted, *eval_set)] if eval_set else []) + [
        keras.callbacks.TensorBoard(os.path.join(work_dir, "tensorboard"), write_graph=False), _StopOnNonFinite(), backup]
    history = adaptation.fit(data.prefetch(2), epochs=config.steps // config.steps_per_epoch,
                             steps_per_epoch=config.steps_per_epoch, shuffle=False, verbose=verbose, callbacks=callbacks)
    if not all(np.all(np.isfinite(values)) for values in history.history.values()):
        raise TfdfkdError("the adversarial losses became NaN/Inf during adaptation",
                          f"lower --learning_rate, and delete {work_dir} (it holds this run's settings) to start again")
    # a run resumed after its last epoch trains nothing: its last logs come from the backup
    last = {name: round(float(values[-1]), 4) for name, values in history.history.items() if values} or \
        {name: round(value, 4) for name, value in backup.last_logs.items()}
    return adapted, {"adapt_seconds": round(backup.training_seconds(), 1),
                     "final_logs": last, "config": dataclasses.asdict(config)}
