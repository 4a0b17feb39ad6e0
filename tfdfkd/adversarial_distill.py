"""Distillation on adversarially perturbed examples (Frank & Davis sec. 3.3, 3.4, 4).

`AdversarialDistiller` is `tfdfkd.distill.Distiller` with its own `train_step` and nothing
else, so `compile`/`fit`, callbacks, `BackupAndRestore` and `tf.distribute` strategies work as
for any Keras model. Each batch is (images, targets): augmented images (augmentation runs in the
tf.data pipeline, `tfdfkd.augment.ShaderAugmentation`) and one-hot targets (the class each image
was assigned, never the one the teacher predicts for it). One compiled step then does

1. mixup (`tfdfkd.augment.mixup`, alpha ~ U(0, 1)); a mixed image's attack target is the
   larger part of its mixed target;
2. the border attack (`tfdfkd.attacks.border_attack`) on the mixed images (and, with
   `attack_normal`, on the unmixed ones too) towards their targets: pre/post pairs and the
   `kept` mask of sec. 3.3's filter;
3. the deeper attack (`tfdfkd.attacks.deeper_attack`) on clones of the pairs;
4. Hinton's loss (tau^2 KL at temperature tau, the textbook value of
   `tfdfkd.distill.hinton_loss`) on every example chosen by the switches, as a weighted mean:
   filtered-out pairs get weight 0. Shapes never depend on the filter, so the step compiles
   once; the mean is over the kept examples of the global batch (their count is summed across
   replicas), so one or several replicas give the same gradient.

With `disagreement_eps` > 0 (not in the paper) the clean examples are also joined by copies moved
within that radius to where student and teacher disagree most (`tfdfkd.disagreement`): the paper's
attacks look at the teacher only, these at where the student is still wrong.
"""

from __future__ import annotations

import keras
import tensorflow as tf

from tfdfkd import attacks, augment
from tfdfkd.disagreement import disagreement_copies
from tfdfkd.distill import Distiller


class AdversarialDistiller(Distiller):
    """Distills `student` from `teacher` on augmented, mixed and adversarially perturbed examples.

    Args (attack sizes in the images' own [0, 1] units; Frank & Davis sec. 4 in brackets):
      teacher, student, temperature: as for `tfdfkd.distill.Distiller` (tau = 20).
      threshold: max softmax allowed for pre- and post-success images (0.95).
      border_eps, border_step, border_iterations: border attack radius, initial step, iterations
        (10/255, 1/255, 12).
      deeper_eps: the deeper attack's single step (1/255).
      border_examples: distill on the pre/post pairs.
      deeper_examples: distill on their deeper clones.
      use_pre: keep the pre-success half of each pair (and its clone); False keeps post only.
      filter_pairs: weight pairs that miss sec. 3.3's conditions 0; False keeps every pair.
      attack_normal: attack the unmixed images as well as the mixed ones.
      clean_examples: distill on the unmixed and mixed images too (Table 4's best row). When no
        attack examples are chosen, the clean examples are always distilled on.
      mixup: mix each batch with a permutation of itself first.
      mixup_alpha: the Beta parameter of the mixing weights; None draws it from U(0, 1) per batch.
      disagreement_eps, disagreement_steps: L-inf radius and signed-gradient steps of the
        disagreement copies of the clean examples (`tfdfkd.disagreement`); 0 = none (the paper).
      seed: seeds mixup; each step and replica draws from (seed, step, replica).
    """

    def __init__(self, teacher, student, temperature: float = 20.0, *, threshold: float = 0.95,
                 border_eps: float = 10 / 255, border_step: float = 1 / 255, border_iterations: int = 12,
                 deeper_eps: float = 1 / 255, border_examples: bool = True, deeper_examples: bool = True,
                 use_pre: bool = True, filter_pairs: bool = True, attack_normal: bool = False,
                 clean_examples: bool = True, mixup: bool = True, mixup_alpha: float | None = None,
                 disagreement_eps: float = 0.0, disagreement_steps: int = 1, seed: int = 0, **kwargs):
        if not disagreement_eps >= 0 or disagreement_steps < 1:
            raise ValueError(f"disagreement_eps must be >= 0 and disagreement_steps >= 1, "
                             f"got {disagreement_eps} and {disagreement_steps}")
        super().__init__(teacher, student, temperature=temperature, **kwargs)
        self.threshold = threshold
        self.border_eps, self.border_step, self.border_iterations = border_eps, border_step, border_iterations
        self.deeper_eps = deeper_eps
        self.border_examples, self.deeper_examples, self.use_pre = border_examples, deeper_examples, use_pre
        self.filter_pairs, self.attack_normal, self.clean_examples = filter_pairs, attack_normal, clean_examples
        self.mixup, self.mixup_alpha = mixup, mixup_alpha
        self.disagreement_eps, self.disagreement_steps = float(disagreement_eps), int(disagreement_steps)
        self.seed = seed
        self.attacking = border_examples or deeper_examples  # whether the attacks run at all
        # share of attacked images whose pair passes the filter
        self.kept_tracker = keras.metrics.Mean(name="kept") if self.attacking else None

    def examples(self, images, targets, seed):
        """The examples one step distills on and their weights: ((N, H, W, C), (N,), kept (M,) bool).

        `images` (B, H, W, C) augmented images in [0, 1]; `targets` (B, K) one-hot; `seed` two
        integers for mixup. N and M depend only on the switches and B, never on the data.
        """
        images = tf.convert_to_tensor(images, tf.float32)
        targets = tf.convert_to_tensor(targets, tf.float32)
        clean = [(images, targets)]
        if self.mixup:
            mixed, mixed_targets, _ = augment.mixup(images, targets, seed, alpha=self.mixup_alpha)
            clean.append((mixed, mixed_targets))
        parts, weights = [], []
        if self.clean_examples or not self.attacking:
            parts += [x for x, _ in clean]
            weights += [tf.ones(tf.shape(x)[:1]) for x, _ in clean]
            if self.disagreement_eps:
                # One call on all clean images: each copy depends only on its own image.
                joined = tf.concat([x for x, _ in clean], axis=0)
                parts.append(disagreement_copies(self.teacher, self.student, joined, self.disagreement_eps,
                                                 self.disagreement_steps, self.temperature))
                weights.append(tf.ones(tf.shape(joined)[:1]))
        kept = tf.zeros([0], tf.bool)
        if self.attacking:
            attacked = clean if self.attack_normal else clean[-1:]
            x = tf.concat([x for x, _ in attacked], axis=0)
            goal = tf.argmax(tf.concat([t for _, t in attacked], axis=0), axis=-1, output_type=tf.int32)
            pairs = attacks.border_attack(self.teacher, x, goal, eps=self.border_eps, step=self.border_step,
                                          max_iterations=self.border_iterations, threshold=self.threshold)
            kept = pairs.kept
            keep = tf.cast(kept, tf.float32) if self.filter_pairs else tf.ones(tf.shape(kept))
            chosen = tf.concat([pairs.post, pairs.pre], axis=0) if self.use_pre else pairs.post
            chosen_weight = tf.concat([keep, keep], axis=0) if self.use_pre else keep
            if self.border_examples:
                parts.append(chosen)
                weights.append(chosen_weight)
            if self.deeper_examples:
                parts.append(attacks.deeper_attack(self.teacher, chosen, eps=self.deeper_eps))
                weights.append(chosen_weight)
        return tf.concat(parts, axis=0), tf.concat(weights, axis=0), kept

    def train_step(self, data):
        images, targets = data[0], data[1]
        context = tf.distribute.get_replica_context()
        replicas = context.num_replicas_in_sync
        replica = tf.cast(context.replica_id_in_sync_group, tf.int64)
        seed = tf.stack([tf.constant(self.seed, tf.int64), tf.cast(self.optimizer.iterations, tf.int64) * replicas + replica])
        x, weight, kept = self.examples(images, targets, seed)
        loss = self._distill_on(x, weight)
        if self.attacking:
            self.kept_tracker.update_state(tf.reduce_mean(tf.cast(kept, tf.float32)))
        return self._record_step(loss)
