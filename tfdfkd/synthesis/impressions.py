"""Data Impressions (Zero-Shot KD, Nayak et al. 2019) and the Class Impressions baseline.

Data Impressions model the teacher's softmax space per class with a Dirichlet whose
concentration is that class's row of the class-similarity matrix (cosine similarity of the
final Dense layer's class templates, min-max normalised per row), scaled by beta. Half the
impressions of each class use beta = 1.0, half beta = 0.1 (the paper's mixture). Each image
starts as uniform noise and is optimised with Adam so that softmax(teacher logits / tau)
matches its sampled target (ZSKD eq. 3).

Class Impressions (Mopuri et al. 2018, ZSKD's baseline) aim at one-hot targets instead; each
image stops as soon as the teacher's confidence (tau = 1) in its class passes a threshold drawn
from U(0.55, 0.70) (ZSKD appendix).

Either can add Adaptive DeepInversion's competition with the current student (`compete_weight`,
not in ZSKD); the pipeline then interleaves synthesis with distillation.
"""

from __future__ import annotations

import dataclasses
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
from tfdfkd.synthesis.spectrum import SpectrumImages

DIRICHLET_FLOOR = 1e-3  # concentration floor: numpy's Dirichlet returns NaN near 1e-4 (PITFALLS)


def class_similarity(templates: np.ndarray) -> np.ndarray:
    """(K, K) class similarities in [0, 1] from the (features, K) final Dense kernel.

    ZSKD eq. (2): C(i, j) = w_i . w_j / (|w_i| |w_j|), then min-max normalised per row so the
    rows are valid Dirichlet concentrations (the diagonal is 1).
    """
    w = templates / np.maximum(np.linalg.norm(templates, axis=0, keepdims=True), 1e-12)
    cosine = w.T @ w
    low, high = cosine.min(axis=1, keepdims=True), cosine.max(axis=1, keepdims=True)
    return (cosine - low) / np.maximum(high - low, 1e-12)


def sample_dirichlet_targets(concentration: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One probability vector per row of `concentration` (N, K), via normalised Gamma variates.

    Concentrations are floored at `DIRICHLET_FLOOR`; Gamma variates are drawn in float64 so small
    concentrations do not underflow to an all-zero row.
    """
    gammas = rng.standard_gamma(np.maximum(concentration, DIRICHLET_FLOOR))
    gammas = np.maximum(gammas, 1e-300)
    targets = gammas / gammas.sum(axis=1, keepdims=True)
    if not np.all(np.isfinite(targets)):
        raise TfdfkdError("Dirichlet sampling produced NaN targets", "raise the beta values (--synth_betas)")
    return targets.astype(np.float32)


@dataclasses.dataclass(frozen=True)
class ImpressionsConfig:
    tau: float = 20.0  # ZSKD sec. 4: temperature 20 on every dataset
    betas: tuple[float, ...] = (1.0, 0.1)  # ZSKD sec. 4: half the impressions at each beta
    iterations: int = 1500  # ZSKD appendix: 1,500 iterations for every setting
    learning_rate: float = 3.0  # ZSKD appendix, Fashion-MNIST 80% (48,000 DIs): Adam lr 3.0
    init: str = "uniform"  # initial noise: "uniform" U(init_low, init_high) or "normal" N(0, init_std)
    init_low: float = 0.0
    init_high: float = 1.0
    init_std: float = 1.0
    clip: bool = False  # clip pixels to [0, 1] after every step (ZSKD does not)
    # Rescale pixels to [0, 1] after every step: "image" min-max per image, "batch" over the batch
    # (each replica's slice under a multi-replica strategy), as ZSKD's released code does; "none".
    # Unlike clipping, no pixel piles up at a bound.
    rescale: str = "none"
    clip_final: bool = False  # clip the finished images to [0, 1] (what an image file stores)
    l2_weight: float = 0.0  # per-image weight of ||x||^2 added to the loss
    optimizer: str = "adam"  # "adam" (ZSKD's code) or "sgd" (plain gradient descent on the pixels)
    # Not in ZSKD: the teacher sees each image circularly shifted by up to `jitter` pixels and
    # (with `flip`) mirrored at random at every step, as in DeepDream and DeepInversion, so an
    # impression must meet its target under small shifts rather than through one pixel pattern.
    jitter: int = 0
    flip: bool = False
    confidence_range: tuple[float, float] = (0.55, 0.70)  # Class Impressions stop threshold
    # Not in ZSKD: "fourier" optimises each image's 2-D spectrum, scaled by 1 / f**spectrum_decay,
    # instead of its pixels (the decorrelated parametrisation of feature-visualisation work):
    # every step then moves low frequencies further than high ones, as natural images vary.
    parametrisation: str = "pixel"
    spectrum_decay: float = 1.0
    # Not in ZSKD: Adaptive DeepInversion's competition term (DeepInversion eq. 9) added to each
    # image's loss, compete_weight * (1 - JS(teacher, student)) at temperature compete_tau, so the
    # impressions also seek where the current student disagrees with the teacher. A positive
    # weight makes the pipeline interleave synthesis with distillation, as for adaptive_deepinversion.
    compete_weight: float = 0.0
    compete_tau: float = 3.0


class _InputOptimiser(CompetesWithStudent, Synthesizer):
    """Shared machinery: optimise a batch of noise images towards per-image soft targets.

    Subclasses choose the targets and the per-image stop thresholds. The whole optimisation of
    a slice is one `tf.function` (a `tf.while_loop` of Adam steps on a tensor, no variables),
    run by `strategy.run` on each replica's slice of the global batch.
    """

    Config = ImpressionsConfig
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"init": ("uniform", "normal"), "optimizer": ("adam", "sgd"), "rescale": ("none", "image", "batch"),
                                             "parametrisation": ("pixel", "fourier")}

    def __init__(self, teacher, config=None, strategy=None):
        super().__init__(teacher, config, strategy)
        if self.config.parametrisation == "fourier" and (self.config.clip or self.config.rescale != "none"):
            raise TfdfkdError("parametrisation=fourier cannot clip or rescale pixels during synthesis (its images are rendered from a spectrum)",
                              "pass clip=false and rescale=none, with clip_final=true")
        self._check_competition()
        self._trace()
        self._classify = tf.function(lambda x: tf.argmax(self.teacher.logits_model(x, training=False), axis=-1))

    def _trace(self):
        """(Re)builds the compiled optimisation, which captures the current student."""
        self._optimise = tf.function(self._optimise_slice, reduce_retracing=True)
        self._distributed = tf.function(lambda x, t, c, seed, gain: self.strategy.run(self._optimise, args=(x, t, c, seed, gain)))

    def targets_and_thresholds(self, batch_size: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def synthesize(self, batch_size: int, seed: int) -> SyntheticBatch:
        self._require_student()
        rng = np.random.default_rng(seed)
        targets, thresholds = self.targets_and_thresholds(batch_size, rng)
        shape = (batch_size,) + self.teacher.input_shape
        if self.config.init == "normal":
            noise = (self.config.init_std * rng.standard_normal(shape)).astype(np.float32)
        else:
            noise = rng.uniform(self.config.init_low, self.config.init_high, shape).astype(np.float32)
        step_seed = tf.constant([seed % (2**31 - 1), 7919], tf.int32)
        # parametrisation=fourier: the render's gain comes from the whole batch, so that any
        # number of replicas optimises the same images.
        gain = (SpectrumImages(*shape[1:3], self.config.spectrum_decay).gain(tf.constant(noise))
                if self.config.parametrisation == "fourier" else tf.constant(1.0))
        images, loss, stopped = self._distributed(*split_across_replicas(self.strategy, noise, targets, thresholds.astype(np.float32)),
                                                  step_seed, gain)
        images = gather_from_replicas(self.strategy, images)
        loss = gather_from_replicas(self.strategy, loss)
        if self.config.clip_final:
            images = np.clip(images, 0.0, 1.0)
        if not np.all(np.isfinite(images)) or not np.all(np.isfinite(loss)):
            raise TfdfkdError(f"the {self.name} loss became NaN/Inf during synthesis",
                              "lower the synthesis learning rate (--synth_learning_rate), enable clipping (--synth_clip), "
                              "or raise a very small temperature (--synth_tau)")
        # Share of the finished images the teacher puts in their target's class: it shows when
        # the final clipping undoes the optimisation (the images then collapse onto a few classes).
        on_target = float(np.mean(self._classify(images).numpy() == targets.argmax(axis=-1)))
        return SyntheticBatch(images, targets, {"loss": float(loss.mean()), "stopped": float(gather_from_replicas(self.strategy, stopped).mean()),
                                                "on_target": on_target})

    def _optimise_slice(self, x, targets, thresholds, seed, gain):
        """Adam (Kingma & Ba; beta1 0.9, beta2 0.999) on the pixels of x (or, with
        parametrisation=fourier, on their weighted spectrum, rendered with `gain`), minimising
        CE(targets, softmax(logits / tau)) (ZSKD eq. 3) per image; an image whose confidence
        (tau = 1) in its target class passes its threshold stops moving."""
        cfg = self.config
        model = self.teacher.logits_model
        lr, b1, b2, eps = cfg.learning_rate, 0.9, 0.999, 1e-8
        classes = tf.argmax(targets, axis=-1)

        def cross_entropy(images):
            logits = model(images, training=False)
            loss = tf.nn.softmax_cross_entropy_with_logits(targets, logits / cfg.tau)
            if cfg.l2_weight:
                loss += cfg.l2_weight * tf.reduce_sum(tf.square(images), axis=[1, 2, 3])
            if cfg.compete_weight:
                loss += cfg.compete_weight * (1.0 - jensen_shannon(logits, self.student(images, training=False), cfg.compete_tau))
            return loss, logits

        def step(i, p, m, v, stopped):
            with tf.GradientTape() as tape:
                tape.watch(p)
                x = render(p)
                loss, logits = cross_entropy(jitter_and_flip(x, cfg.jitter, cfg.flip, seed + [0, i]))
                total = tf.reduce_sum(loss)  # per-image losses are independent
            confidence = tf.gather(tf.nn.softmax(logits), classes, batch_dims=1)
            stopped = stopped | (confidence >= thresholds)
            g = tape.gradient(total, p)
            keep = tf.reshape(stopped, [-1] + [1] * (len(p.shape) - 1))
            g = tf.where(keep, tf.zeros_like(g), g)
            if cfg.optimizer == "sgd":
                update = lr * g
            else:
                m = b1 * m + (1 - b1) * g
                v = b2 * v + (1 - b2) * tf.square(g)
                t = tf.cast(i + 1, tf.float32)
                update = lr * (m / (1 - b1**t)) / (tf.sqrt(v / (1 - b2**t)) + eps)
            p = p - tf.where(keep, tf.zeros_like(update), update)
            if cfg.clip:
                p = tf.clip_by_value(p, 0.0, 1.0)
            if cfg.rescale != "none":
                p = _min_max(p, per_image=cfg.rescale == "image")
            return i + 1, p, m, v, stopped

        render, p = _parametrisation(x, cfg, gain)
        zeros = tf.zeros_like(p)
        stopped = tf.zeros(tf.shape(x)[:1], tf.bool)
        _, p, _, _, stopped = tf.while_loop(lambda i, *_: i < cfg.iterations, step, (tf.constant(0), p, zeros, zeros, stopped))
        x = render(p)
        return x, cross_entropy(x)[0], tf.cast(stopped, tf.float32)


def _parametrisation(x, cfg, gain):
    """(render, p0): the tensor the optimiser moves, and the map from it to images.

    "pixel": the pixels themselves. "fourier": x's white spectrum (`SpectrumImages`), rendered
    with `gain` (`SpectrumImages.gain` of the whole batch's noise), which gives the starting
    images the initial noise's standard deviation.
    """
    if cfg.parametrisation == "pixel":
        return (lambda p: p), x
    spectrum = SpectrumImages(x.shape[1], x.shape[2], cfg.spectrum_decay)
    return (lambda p: gain * spectrum.render(p)), spectrum.coefficients(x)


def _min_max(x, per_image: bool):
    """x rescaled to span [0, 1], per image or over the whole tensor."""
    axis = [1, 2, 3] if per_image else None
    low = tf.reduce_min(x, axis=axis, keepdims=True)
    high = tf.reduce_max(x, axis=axis, keepdims=True)
    return (x - low) / tf.maximum(high - low, 1e-12)


@register("zskd")
class DataImpressions(_InputOptimiser):
    """ZSKD's Data Impressions: Dirichlet soft targets from the teacher's class similarities.

    Classes are visited in turn (image i aims at class i mod K; `balanced_classes` spreads a batch's
    remainder over random classes) and, within a class, the betas alternate, so every batch is
    balanced over classes and betas.
    """

    def __init__(self, teacher, config=None, strategy=None):
        super().__init__(teacher, config, strategy)
        self.similarity = class_similarity(teacher.class_templates())

    def targets_and_thresholds(self, batch_size, rng):
        k = self.teacher.num_classes
        index = np.arange(batch_size)
        classes = balanced_classes(batch_size, k, rng)
        betas = np.asarray(self.config.betas, np.float64)[(index // k) % len(self.config.betas)]
        targets = sample_dirichlet_targets(betas[:, None] * self.similarity[classes], rng)
        return targets, np.full(batch_size, np.inf)


@register("class_impressions")
class ClassImpressions(_InputOptimiser):
    """Class Impressions: one-hot targets, each image optimised until the teacher's confidence
    in its class passes a threshold drawn from U(0.55, 0.70) (or the iteration budget ends)."""

    def targets_and_thresholds(self, batch_size, rng):
        k = self.teacher.num_classes
        targets = np.eye(k, dtype=np.float32)[balanced_classes(batch_size, k, rng)]
        return targets, rng.uniform(*self.config.confidence_range, batch_size)
