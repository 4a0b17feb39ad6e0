"""Distillation that also trains on where student and teacher disagree most, near each image.

A transfer set is finite: past some epochs the student matches the teacher on its images (and
their augmentations and mixes) and stops learning about the space between them. `DisagreementDistiller`
adds to every batch a copy of each image moved, within an L-infinity ball of radius `eps`, up the
gradient of the student-teacher divergence (`steps` signed-gradient steps of eps / steps, clipped to
[0, 1]): the nearby inputs where the student is most wrong, labelled by the teacher like any other.
The idea is Heo et al.'s (2019) boundary-supporting samples and the generator of data-free
adversarial distillation (Fang et al. 2019), done per image and without a generator; it needs no
data, only one more forward and backward pass through both networks per attack step.
"""

from __future__ import annotations

import tensorflow as tf

from tfdfkd.distill import Distiller, hinton_per_example


def disagreement_copies(teacher, student, images, eps: float, steps: int, temperature: float) -> tf.Tensor:
    """`images` (B, H, W, C) in [0, 1] moved within an L-infinity ball of radius `eps`, in `steps`
    signed-gradient steps of eps / steps, to where the tau^2 KL between `teacher` and `student`
    logits is largest; clipped to [0, 1]. Both networks run in inference mode and no weight changes;
    the result carries no gradient."""
    images = tf.convert_to_tensor(images, tf.float32)
    moved = images
    for _ in range(steps):
        with tf.GradientTape() as tape:
            tape.watch(moved)
            gap = tf.reduce_sum(hinton_per_example(teacher(moved, training=False), student(moved, training=False), temperature))
        moved = moved + (eps / steps) * tf.sign(tape.gradient(gap, moved))
        moved = tf.clip_by_value(tf.clip_by_value(moved, images - eps, images + eps), 0.0, 1.0)
    return tf.stop_gradient(moved)


class DisagreementDistiller(Distiller):
    """`tfdfkd.distill.Distiller` whose every batch of images is joined by its disagreement copies.

    Args:
      teacher, student, temperature: as for `Distiller`.
      eps: L-infinity radius of the perturbation, in the images' [0, 1] units (measured: 0.03).
      steps: signed-gradient steps towards the radius (1: a single step of eps).
    """

    def __init__(self, teacher, student, temperature: float = 20.0, *, eps: float = 0.03, steps: int = 1, **kwargs):
        if not eps > 0 or steps < 1:
            raise ValueError(f"eps must be > 0 and steps >= 1, got eps={eps}, steps={steps}")
        super().__init__(teacher, student, temperature=temperature, **kwargs)
        self.eps, self.steps = float(eps), int(steps)

    def disagreement_copies(self, images) -> tf.Tensor:
        """`images` moved within eps to where student and teacher disagree most (`disagreement_copies`)."""
        return disagreement_copies(self.teacher, self.student, images, self.eps, self.steps, self.temperature)

    def train_step(self, data):
        images = tf.convert_to_tensor(data[0] if isinstance(data, (tuple, list)) else data, tf.float32)
        return self._record_step(self._distill_on(tf.concat([images, self.disagreement_copies(images)], axis=0)))
