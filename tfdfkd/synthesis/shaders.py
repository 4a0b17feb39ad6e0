"""Frank & Davis's shader method: a teacher-balanced set of OpenGL shader images, distilled
through augmentation, mixup and adversarial attacks on the teacher's decision boundaries.

Synthesis (sec. 3.1) renders nothing itself: the images come from a shader cache on disk
(`tfdfkd.render`, `tools/render_shaders.py`) at the teacher's resolution and channel count.
The teacher classifies every cached image once; then each class c gets images the teacher
predicts as *other* classes, with target t = c, so that no image is ever assigned the class
the teacher sees in it (eq. 3). Each batch is balanced over classes (slot i aims at class
i mod K, in a shuffled order); for the n slots of class c, the source classes are C \\ {c}
taken in turn from a random permutation (each other class n // (K - 1) times, the remainder
without replacement, as the paper fills N_i), and the image uniformly among the source
class's images. An image may serve several classes. A batch is a pure function of the seed.
`--num_samples` sets the set's size (the paper's N_i per class is num_samples / K: 25,000
images = 2,500 per class on a 10-class teacher).

Distillation (sec. 3.3, 3.4, 4) is `tfdfkd.adversarial_distill.AdversarialDistiller`, built by
`distiller()` from this config: each batch is augmented (`tfdfkd.augment.ShaderAugmentation`,
in the tf.data pipeline given by `training_data()`), mixed up, attacked towards its targets
(border attack with bold driver, pre/post pairs, filter), pushed deeper, and distilled.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import numpy as np

from tfdfkd.augment import AUGMENT_LEVELS
from tfdfkd.errors import TfdfkdError
from tfdfkd.synthesis.base import (
    Synthesizer,
    SyntheticBatch,
    balanced_classes,
    register,
)


@dataclasses.dataclass(frozen=True)
class ShaderConfig:
    cache: str = "runs/shader_cache_32_grey"  # a cache from tools/render_shaders.py at the teacher's resolution and channels
    # the border attack (sec. 3.3; values from sec. 4)
    threshold: float = 0.95  # max softmax allowed for the pre- and post-success images (Table 4: 0.5 / 0.75 / 1.0 tried)
    border_eps: float = 10.0  # L-inf radius, on 0..255 pixel levels (Table 4: 6 and 14 tried)
    border_step: float = 1.0  # initial BIM step alpha, on 0..255; the bold driver adapts it per image
    border_iterations: int = 12  # at most 12 iterations
    deeper_eps: float = 1.0  # one targeted step towards the image's own prediction, on 0..255 (Table 4: 4 tried)
    # which examples enter the KD loss (Table 4's ablation rows)
    border_examples: bool = True  # the border attack's pre/post pairs ("(-) 'Border' first attack examples")
    deeper_examples: bool = True  # their deeper clones ("(-) 'Deeper' second attack examples")
    use_pre: bool = True  # the pre-success half of each pair and its clone ("(-) 'Pre'-success examples")
    filter_pairs: bool = True  # drop pairs that miss the conditions of sec. 3.3 ("(-) Filter conditions")
    attack_normal: bool = False  # also attack the augmented images before mixup (Table 4: "Attack with Normal & Mixup")
    clean_examples: bool = True  # distill on the augmented and mixed images too (Table 4: "Distill with Normal,
    #                              Mixup & Adversarial", the best row; False: the attacked examples alone, sec. 3.4)
    # augmentation (sec. 4, Table 4)
    augment: str = "standard"  # "standard" (RandAugment, elastic, inversion, flip, crop), "minimal" (flip, crop), "none"
    mixup: bool = True  # mixup of each batch with a permutation of itself
    # "alpha in U(0, 1)" (sec. 4) read two ways: 0 draws the Beta parameter alpha ~ U(0, 1) per batch,
    # then lambda ~ Beta(alpha, alpha) per image (mostly near 0 or 1); a positive value fixes alpha,
    # and 1.0 gives lambda ~ U(0, 1), the mixup of Beyer et al.'s function matching that sec. 4 cites
    mixup_alpha: float = 0.0
    randaugment_ops: int = 4  # RandAugment n = 4
    randaugment_magnitude: int = 14  # RandAugment m = 14 (torchvision's 0..30 scale)
    crop_padding: int = 4  # random crop with 4 pixels of zero padding (32x32 images)
    # not in the paper: also distill on copies of the clean examples moved within this L-inf radius (on
    # 0..255 levels) to where student and teacher disagree most (tfdfkd.disagreement); 0 = off
    disagreement_eps: float = 0.0
    disagreement_steps: int = 1


@register("shaders")
class ShaderImages(Synthesizer):
    """Teacher-balanced shader images (Frank & Davis sec. 3.1); see the module docstring."""

    Config = ShaderConfig
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"augment": AUGMENT_LEVELS}

    def __init__(self, teacher, config=None, strategy=None):
        super().__init__(teacher, config, strategy)
        from tfdfkd.render import cache

        cfg = self.config
        if not cfg.disagreement_eps >= 0 or cfg.disagreement_steps < 1:
            raise TfdfkdError(f"shaders settings disagreement_eps={cfg.disagreement_eps}, disagreement_steps="
                              f"{cfg.disagreement_steps} are out of range",
                              "give disagreement_eps >= 0 (0..255 levels; 0 = off) and disagreement_steps >= 1")
        if not cfg.mixup_alpha >= 0:
            raise TfdfkdError(f"shaders setting mixup_alpha={cfg.mixup_alpha} is negative",
                              "give mixup_alpha=0 (alpha ~ U(0, 1) per batch) or a positive Beta parameter (1.0: lambda ~ U(0, 1))")
        height, width, channels = teacher.input_shape
        self.images = cache.load_images(cfg.cache, resolution=(height, width), channels=channels)  # uint8 (N, H, W, C)
        self.predictions = self._predict(self.images)
        counts = np.bincount(self.predictions, minlength=teacher.num_classes)
        self.sources = [np.flatnonzero(self.predictions == k) for k in range(teacher.num_classes)]
        self.present = np.flatnonzero(counts)
        if len(self.present) < 2:
            raise TfdfkdError(f"the teacher predicts all {len(self.images)} images of the shader cache at {cfg.cache} as class "
                              f"{self.present[0]}, so no class can get images predicted as another",
                              "render a larger or more varied cache (more programs, more images) with tools/render_shaders.py")

    def _predict(self, images: np.ndarray, batch_size: int = 1024) -> np.ndarray:
        """The teacher's class for every cached image (sec. 3.1), in batches."""
        import tensorflow as tf

        model = self.teacher.logits_model
        classify = tf.function(lambda x: tf.argmax(model(tf.cast(x, tf.float32) / 255.0, training=False), axis=-1))
        return np.concatenate([classify(images[i : i + batch_size]).numpy() for i in range(0, len(images), batch_size)])

    def synthesize(self, batch_size: int, seed: int) -> SyntheticBatch:
        rng = np.random.default_rng(seed)
        k = self.teacher.num_classes
        classes = rng.permutation(balanced_classes(batch_size, k, rng))
        chosen = np.empty(batch_size, np.int64)
        for c in range(k):
            slots = np.flatnonzero(classes == c)
            if not len(slots):
                continue
            others = rng.permutation(self.present[self.present != c])  # sec. 3.1 eq. (1): C_-i
            source_classes = np.resize(others, len(slots))  # each in turn; the remainder without replacement
            for s in np.unique(source_classes):  # eq. (2): uniformly among the images predicted as s
                picks = slots[source_classes == s]
                chosen[picks] = self.sources[s][rng.integers(len(self.sources[s]), size=len(picks))]
        images = self.images[chosen].astype(np.float32) / 255.0
        targets = np.eye(k, dtype=np.float32)[classes]
        return SyntheticBatch(images, targets, {"cache_classes": float(len(self.present)),
                                                "distinct_images": float(len(np.unique(chosen)))})

    # --- how this method distills (hooks read by tfdfkd.pipeline) ---------------------------

    def distiller(self, student, temperature: float, seed: int = 0):
        """An uncompiled `AdversarialDistiller` with this config's attack and example switches;
        `seed` seeds its mixup."""
        from tfdfkd.adversarial_distill import AdversarialDistiller

        cfg = self.config
        return AdversarialDistiller(
            self.teacher.logits_model, student, temperature=temperature, threshold=cfg.threshold,
            border_eps=cfg.border_eps / 255.0, border_step=cfg.border_step / 255.0, border_iterations=cfg.border_iterations,
            deeper_eps=cfg.deeper_eps / 255.0, border_examples=cfg.border_examples, deeper_examples=cfg.deeper_examples,
            use_pre=cfg.use_pre, filter_pairs=cfg.filter_pairs, attack_normal=cfg.attack_normal,
            clean_examples=cfg.clean_examples, mixup=cfg.mixup, mixup_alpha=cfg.mixup_alpha or None,
            disagreement_eps=cfg.disagreement_eps / 255.0, disagreement_steps=cfg.disagreement_steps, seed=seed)

    def training_data(self, transfer, batch_size: int, seed: int, augment: bool = True):
        """(images, one-hot targets) batches from `transfer`, images augmented at `cfg.augment`
        (no augmentation at all when `augment` is False, the pipeline's --nodistill_augment)."""
        import tensorflow as tf

        from tfdfkd.augment import ShaderAugmentation

        cfg = self.config
        data = transfer.dataset(batch_size, shuffle_seed=seed, with_targets=True)
        if not augment or cfg.augment == "none":
            return data
        layer = ShaderAugmentation(cfg.augment, num_ops=cfg.randaugment_ops, magnitude=cfg.randaugment_magnitude,
                                   crop_padding=cfg.crop_padding, seed=seed)
        return data.map(lambda x, t: (layer(x, training=True), t)).prefetch(tf.data.AUTOTUNE)
