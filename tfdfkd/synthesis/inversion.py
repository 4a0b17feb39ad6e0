"""DeepInversion and Adaptive DeepInversion (Yin et al., CVPR 2020), with their Noise and
DeepDream baselines: four settings of one input optimisation.

Each batch of images starts as Gaussian noise and is optimised with Adam so that the teacher
classifies image i as its target class y_i (cross-entropy), under (DeepInversion eq. 2, 3, 7, 8)

    L = CE(teacher(x), y) + a_tv_l1 TV_l1(x) + a_tv_l2 TV_l2(x) + a_l2 ||x||_2     (R_prior)
        + a_feature R_feature(x)                                                (DeepInversion)
        + a_compete (1 - JS(p_teacher(x), p_student(x)))                         (Adaptive DI)

with a random circular shift (jitter) and a random horizontal flip of the batch at every
iteration, and pixels clipped to the valid range [0, 1] after each step.
With `parametrisation=fourier` (not in the paper) the optimiser moves each image's weighted
spectrum instead of its pixels (tfdfkd.synthesis.spectrum), and the renders are clipped instead.

* `noise`: cross-entropy only (no priors, no jitter, no flip).
* `deepdream`: cross-entropy plus R_prior, with jitter and flips.
* `deepinversion`: plus R_feature (needs BatchNormalization layers in the teacher).
* `adaptive_deepinversion`: plus the competition term against the current student; the
  pipeline interleaves its synthesis with distillation and calls `update(student)`.

One optimisation step is a `tf.function` run by `strategy.run` on each replica's slice of the
batch; BN statistics are reduced across replicas. The loop over iterations stays in Python
because a cross-replica reduction cannot sit inside a `tf.while_loop` under MirroredStrategy.
"""

from __future__ import annotations

import dataclasses
import math
from typing import ClassVar

import numpy as np
import tensorflow as tf

from tfdfkd.errors import TfdfkdError
from tfdfkd.synthesis.base import (
    CompetesWithStudent,
    Synthesizer,
    SyntheticBatch,
    balanced_classes,
    gather_from_replicas,
    jensen_shannon,
    jitter_and_flip,
    register,
    split_across_replicas,
)
from tfdfkd.synthesis.feature_stats import BNTaps, feature_loss
from tfdfkd.synthesis.spectrum import SpectrumImages


@dataclasses.dataclass(frozen=True)
class InversionConfig:
    iterations: int = 2000  # DeepInversion sec. 4.1 (CIFAR-10): 2k updates per batch
    learning_rate: float = 0.05  # sec. 4.1: Adam, lr 0.05
    adam_beta1: float = 0.5  # NVlabs reference: Adam betas (0.5, 0.9)
    adam_beta2: float = 0.9
    cosine: bool = True  # cosine decay of the learning rate over the iterations (NVlabs reference)
    feature_weight: float = 10.0  # a_feature; sec. 4.1 grid: {1, 5, 10, 100}
    first_bn_weight: float = 1.0  # extra weight of the first BN layer (NVlabs ImageNet code: 10)
    # The priors are per image here; the paper's weights come from a reference that takes the norms
    # over the whole batch, which is sqrt(B) = 16 times larger at B = 256, so at the paper's values
    # they barely act (tools/flags/RESULTS.md: tv_l2_weight 0.3 measured best on LeNet-5-BN).
    tv_l2_weight: float = 2.5e-5  # a_tv (sec. 4.1) on TV_l2; tune per teacher
    tv_l1_weight: float = 0.0  # a_tv on TV_l1 (the paper's other form)
    l2_weight: float = 3e-8  # a_l2 (sec. 4.1)
    compete_weight: float = 0.0  # a_c; 10 for Adaptive DeepInversion (sec. 4.1)
    compete_tau: float = 3.0  # temperature of the Jensen-Shannon term (NVlabs reference)
    jitter: int = 2  # random circular shift in pixels, each iteration (+-2 at 32x32)
    flip: bool = True  # random horizontal flip of the batch, each iteration
    clip: bool = True  # clip pixels to [0, 1] after every step (sec. 3.4 a)
    init_mean: float = 0.5  # Gaussian initialisation; the paper's N(0, 1) is in normalised pixel
    init_std: float = 0.5  # space, our teachers take [0, 1] pixels
    low_res_iterations: int = 0  # multi-resolution (sec. 3.4 b): first this many at half resolution
    # Not in DeepInversion: "fourier" optimises each image's 1 / f**spectrum_decay-weighted spectrum
    # instead of its pixels (tfdfkd.synthesis.spectrum); with `clip`, the teacher sees the rendered
    # images clipped to [0, 1] at every step, and the finished images are those clipped renders.
    parametrisation: str = "pixel"
    spectrum_decay: float = 1.0


class _Inversion(CompetesWithStudent, Synthesizer):
    """The shared optimisation; subclasses only change the defaults of `InversionConfig`."""

    Config = InversionConfig
    needs_batch_norm = False
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"parametrisation": ("pixel", "fourier")}

    def __init__(self, teacher, config=None, strategy=None):
        super().__init__(teacher, config, strategy)
        cfg = self.config
        self.taps = BNTaps(teacher.logits_model) if cfg.feature_weight > 0 or self.needs_batch_norm else None
        if self.needs_batch_norm and not self.taps.layers:
            raise TfdfkdError(f"the teacher ({teacher.source}) has no BatchNormalization layer, which {self.name} needs",
                              "use --method=zskd, deepdream or noise, or a teacher with BatchNormalization (e.g. lenet5_bn_fashion_mnist)")
        if not 0 <= cfg.low_res_iterations < cfg.iterations:
            raise TfdfkdError(f"{self.name} setting low_res_iterations={cfg.low_res_iterations} leaves no iterations at full "
                              f"resolution (iterations={cfg.iterations}), so the images would stay at half size",
                              f"give low_res_iterations from 0 to {cfg.iterations - 1}")
        if cfg.parametrisation == "fourier" and cfg.low_res_iterations:
            raise TfdfkdError(f"{self.name} setting parametrisation=fourier cannot start at half resolution (low_res_iterations={cfg.low_res_iterations})",
                              "pass low_res_iterations=0 with parametrisation=fourier")
        self._check_competition()
        h, w = teacher.input_shape[:2]
        self.spectrum = SpectrumImages(h, w, cfg.spectrum_decay) if cfg.parametrisation == "fourier" else None
        self._trace()

    def _trace(self):
        """(Re)builds the compiled step, which captures the current student."""
        self._step = tf.function(lambda *args: self.strategy.run(self._replica_step, args=args))

    def synthesize(self, batch_size: int, seed: int) -> SyntheticBatch:
        cfg = self.config
        self._require_student()
        rng = np.random.default_rng(seed)
        k = self.teacher.num_classes
        labels = rng.permutation(balanced_classes(batch_size, k, rng)).astype(np.int32)
        h, w, c = self.teacher.input_shape
        phases = [(cfg.low_res_iterations, (max(h // 2, 1), max(w // 2, 1))), (cfg.iterations - cfg.low_res_iterations, (h, w))]
        images = (cfg.init_mean + cfg.init_std * rng.standard_normal((batch_size,) + phases[0][1] + (c,) if phases[0][0] else
                                                                      (batch_size, h, w, c))).astype(np.float32)
        if cfg.clip:
            images = np.clip(images, 0.0, 1.0)
        best_images, best_loss = images, np.full(batch_size, np.inf, np.float32)
        gain = tf.constant(1.0)
        if self.spectrum is not None:  # optimise the spectrum of the noise around its mean
            centred = tf.constant(images - cfg.init_mean)
            gain = self.spectrum.gain(centred)  # over the whole batch, so replica counts agree
            images = self.spectrum.coefficients(centred).numpy()
        step_seed = int(rng.integers(2**31))
        metrics = {}
        for iterations, size in phases:
            if iterations <= 0:
                continue
            if self.spectrum is None and images.shape[1:3] != size:  # multi-resolution: upsample and continue with a fresh optimiser
                images = tf.image.resize(images, size, method="bilinear").numpy()
                best_images, best_loss = images, np.full(batch_size, np.inf, np.float32)
            zeros = np.zeros_like(images)
            state = split_across_replicas(self.strategy, images, zeros, zeros, best_images, best_loss, labels)
            for i in range(iterations):
                lr = cfg.learning_rate * (0.5 * (1 + math.cos(math.pi * i / iterations)) if cfg.cosine else 1.0)
                state, parts = self._step(*state, tf.constant(i + 1, tf.float32), tf.constant(lr, tf.float32),
                                          tf.constant([step_seed, i], tf.int32), gain)
            images, best_images, best_loss = (gather_from_replicas(self.strategy, state[j]) for j in (0, 3, 4))
            metrics = {name: float(np.mean(gather_from_replicas(self.strategy, value))) for name, value in parts.items()}
        # A NaN loss never beats a best score, so the best images stay finite: check the last
        # iterate and the scores, which a NaN reaches and does not leave.
        if not (np.all(np.isfinite(images)) and np.all(np.isfinite(best_loss)) and np.all(np.isfinite(best_images))):
            raise TfdfkdError(f"the {self.name} loss became NaN/Inf during synthesis",
                              "lower the synthesis learning rate (--synth_learning_rate) or the loss weights (--synth_settings), "
                              "or raise a very small temperature (--synth_tau)")
        targets = np.eye(k, dtype=np.float32)[labels]
        return SyntheticBatch(best_images, targets, metrics)

    def _replica_step(self, p, m, v, best_x, best_loss, labels, t, lr, seed, gain):
        """One Adam step on this replica's slice of the optimised tensor p (pixels, or spectrum
        coefficients rendered with `gain`); returns the new state and the loss parts."""
        cfg = self.config
        h, w = self.teacher.input_shape[:2]
        with tf.GradientTape() as tape:
            tape.watch(p)
            x = p
            if self.spectrum is not None:
                x = cfg.init_mean + gain * self.spectrum.render(p)
                if cfg.clip:
                    x = tf.clip_by_value(x, 0.0, 1.0)
            shifted = jitter_and_flip(x, cfg.jitter, cfg.flip, seed)
            seen = shifted if shifted.shape[1:3] == (h, w) else tf.image.resize(shifted, (h, w), method="bilinear")
            per_image, parts, shared = self._losses(seen, x, labels)
            replicas = tf.distribute.get_replica_context().num_replicas_in_sync
            global_batch = tf.cast(tf.shape(x)[0] * replicas, tf.float32)
            # Each replica's share of the global objective: its images' terms over the global batch,
            # plus 1/replicas of the shared (cross-replica) feature term.
            loss = tf.reduce_sum(per_image) / global_batch + shared / replicas
        g = tape.gradient(loss, p)
        b1, b2 = cfg.adam_beta1, cfg.adam_beta2
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * tf.square(g)
        p_new = p - lr * (m / (1 - b1**t)) / (tf.sqrt(v / (1 - b2**t)) + 1e-8)
        if cfg.clip and self.spectrum is None:
            p_new = tf.clip_by_value(p_new, 0.0, 1.0)
        # Keep each image's best iterate (a copy; PITFALLS) by its own terms plus the shared one.
        score = per_image + shared
        better = score < best_loss
        best_x = tf.where(better[:, None, None, None], x, best_x)
        best_loss = tf.where(better, score, best_loss)
        return (p_new, m, v, best_x, best_loss, labels), parts

    def _losses(self, seen, x, labels):
        """(per-image loss (B,), named parts for logging, shared batch-level loss)."""
        cfg = self.config
        if self.taps is not None:
            logits, bn_inputs = self.taps(seen)
        else:
            logits, bn_inputs = self.teacher.logits_model(seen, training=False), []
        ce = tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits)
        per_image, parts = ce, {"cross_entropy": ce}
        if cfg.tv_l1_weight or cfg.tv_l2_weight:
            l1, l2 = total_variation(x)
            per_image = per_image + cfg.tv_l1_weight * l1 + cfg.tv_l2_weight * l2
            parts.update(tv_l1=l1, tv_l2=l2)
        if cfg.l2_weight:
            norm = tf.sqrt(tf.reduce_sum(tf.square(x), axis=[1, 2, 3]) + 1e-12)  # finite gradient at an all-black image
            per_image = per_image + cfg.l2_weight * norm
            parts["l2"] = norm
        if cfg.compete_weight:
            compete = 1.0 - jensen_shannon(logits, self.student(seen, training=False), cfg.compete_tau)
            per_image = per_image + cfg.compete_weight * compete
            parts["compete"] = compete
        shared = tf.constant(0.0)
        if cfg.feature_weight and bn_inputs:
            feature = feature_loss(bn_inputs, self.taps.layers, cfg.first_bn_weight)
            shared = cfg.feature_weight * feature
            parts["feature"] = feature[None]
        parts["accuracy"] = tf.cast(tf.equal(tf.argmax(logits, -1, output_type=tf.int32), labels), tf.float32)
        return per_image, parts, shared


def total_variation(x: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
    """Per-image total variation (B,) of (B, H, W, C) images, over horizontal, vertical and both
    diagonal neighbours: the l1 form (mean absolute difference) and the l2 form (Frobenius norm
    of the differences), DeepInversion's two R_TV variants."""
    diffs = [x[:, :, 1:] - x[:, :, :-1], x[:, 1:] - x[:, :-1], x[:, 1:, 1:] - x[:, :-1, :-1], x[:, 1:, :-1] - x[:, :-1, 1:]]
    l1 = tf.add_n([tf.reduce_mean(tf.abs(d), axis=[1, 2, 3]) for d in diffs])
    l2 = tf.add_n([tf.sqrt(tf.reduce_sum(tf.square(d), axis=[1, 2, 3]) + 1e-12) for d in diffs])
    return l1, l2


@register("noise")
class Noise(_Inversion):
    """Noise optimised for the teacher's cross-entropy alone (DeepInversion's first baseline)."""

    DEFAULTS: ClassVar[dict] = {"feature_weight": 0.0, "tv_l2_weight": 0.0, "l2_weight": 0.0, "jitter": 0, "flip": False}


@register("deepdream")
class DeepDream(_Inversion):
    """Cross-entropy plus the image priors (TV, l2), with jitter and flips (Mordvintsev et al.)."""

    DEFAULTS: ClassVar[dict] = {"feature_weight": 0.0}


@register("deepinversion")
class DeepInversion(_Inversion):
    """DeepDream plus the BatchNorm feature-statistics loss."""

    needs_batch_norm = True


@register("adaptive_deepinversion")
class AdaptiveDeepInversion(_Inversion):
    """DeepInversion plus the Jensen-Shannon competition with the current student."""

    needs_batch_norm = True
    DEFAULTS: ClassVar[dict] = {"compete_weight": 10.0}
