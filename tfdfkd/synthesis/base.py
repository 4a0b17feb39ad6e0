"""The interface every synthesis method implements, and the registry that finds them by name.

A method turns a frozen teacher into images. Its contract:

* It is a `Synthesizer` subclass registered with `@register("name")`, constructed as
  ``cls(teacher, config, strategy)`` where `config` is the method's own frozen dataclass of
  hyperparameters (`cls.Config`, paper defaults, each field commented with its source).
* ``synthesize(batch_size, seed) -> SyntheticBatch`` returns `batch_size` images
  (float32, NHWC, the teacher's input shape) and, where the method has them, the soft targets
  it aimed for. It is a pure function of `seed` and the method's state: the same seed gives
  the same batch, which is what lets a killed run resume shard by shard and reproduce.
* ``prepare(directory, seed, verbose)`` does a method's one-off work before synthesis (DeGAN
  trains its GAN there, checkpointed in the run directory); ``report(directory)`` returns extra
  metrics (and may write figures) at the end of a run. Both default to nothing.
* ``update(student)`` lets methods that adapt to the student (Adaptive DeepInversion) see its
  current weights; the default does nothing.
* ``distiller(student, temperature, seed)`` and ``training_data(transfer, batch_size, seed, augment)``
  let a method distill its own way (the shader method attacks every batch); by default the
  pipeline's Hinton `Distiller` trains on the images with the pipeline's augmentation.
* The hot loop is a `tf.function` run under `strategy`; a global batch is split across replicas.

Storage (`tfdfkd.transfer_set.write`), distillation, evaluation and export are shared and never
re-implemented per method.
"""

from __future__ import annotations

import abc
import dataclasses
from typing import Any, ClassVar

import numpy as np
import tensorflow as tf

from tfdfkd.errors import TfdfkdError
from tfdfkd.teacher import Teacher


@dataclasses.dataclass(frozen=True)
class SyntheticBatch:
    """`images` (B, H, W, C) float32; `targets` (B, K) probabilities or None; scalar `metrics`."""

    images: np.ndarray
    targets: np.ndarray | None
    metrics: dict[str, float]


class Synthesizer(abc.ABC):
    """Base of every synthesis method; see the module docstring for the contract."""

    name: ClassVar[str]
    Config: ClassVar[type]
    DEFAULTS: ClassVar[dict] = {}  # a method's own departures from its Config's defaults
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}  # config fields that take one of a few names

    @classmethod
    def default_config(cls, **overrides):
        """The method's config: `Config` defaults, then the method's `DEFAULTS`, then `overrides`."""
        return cls.Config(**{**cls.DEFAULTS, **overrides})

    def __init__(self, teacher: Teacher, config: Any = None, strategy: tf.distribute.Strategy | None = None):
        self.teacher = teacher
        self.config = config if config is not None else self.default_config()
        self.strategy = strategy or tf.distribute.get_strategy()
        for field, allowed in self.CHOICES.items():
            value = getattr(self.config, field)
            if value not in allowed:
                raise TfdfkdError(f"{self.name} setting {field}={value!r} is unknown", f"use {field}= one of {', '.join(allowed)}")

    @abc.abstractmethod
    def synthesize(self, batch_size: int, seed: int) -> SyntheticBatch:
        """`batch_size` images, deterministic for `seed`."""

    def needs_student(self) -> bool:
        """True for methods whose images depend on the current student (synthesis is then
        interleaved with distillation, and `update(student)` is called first)."""
        return False

    def update(self, student) -> None:
        """Sees the current student (only methods that adapt to it override this)."""

    def prepare(self, directory: str | None = None, seed: int = 0, verbose: int = 0) -> None:
        """Work done once before the first `synthesize` (DeGAN trains its generator), resumable from
        what it left in `directory` (the run's staging directory); `seed` is the run's seed."""

    def report(self, directory: str | None = None) -> dict:
        """Extra entries for the run's metrics.json (e.g. DeGAN's class histogram); may write the
        method's own figures into `directory`. Called once distillation is done."""
        return {}

    # How the method distills. Defaults: Hinton's `Distiller` on the images alone, with the
    # pipeline's own augmentation; the shader method attacks each batch instead.

    def distiller(self, student, temperature: float, seed: int = 0):
        """The uncompiled Keras model that distills `student` on this method's transfer set
        (`seed` seeds whatever randomness the distiller's own step has)."""
        from tfdfkd.distill import Distiller

        return Distiller(self.teacher.logits_model, student, temperature=temperature)

    def training_data(self, transfer, batch_size: int, seed: int, augment: bool = True):
        """This method's own distillation batches from `transfer` (a `TransferSet`), or None for
        the pipeline's default (shuffled images with its augmentation)."""


class CompetesWithStudent:
    """Adaptive DeepInversion's competition with the current student, shared by the methods whose
    config has `compete_weight`: with a positive weight the method needs a student (the pipeline
    then interleaves synthesis with distillation) and recompiles its step, via `_trace()`, when it
    is given another one. Mix in before `Synthesizer`."""

    student = None

    def _check_competition(self) -> None:
        """Refuses a negative weight (it would seek where the student already agrees)."""
        if self.config.compete_weight < 0:
            raise TfdfkdError(f"{self.name} setting compete_weight={self.config.compete_weight} is negative, which would push the images to where "
                              "the student already agrees with the teacher", "give compete_weight=0 (no competition) or a positive weight (e.g. 0.1 or 10)")

    def _trace(self) -> None:
        raise NotImplementedError

    def needs_student(self) -> bool:
        return self.config.compete_weight > 0

    def update(self, student) -> None:
        if self.needs_student() and student is not self.student:
            self.student = student
            self._trace()  # the compiled step captures the student

    def _require_student(self) -> None:
        if self.needs_student() and self.student is None:
            raise TfdfkdError(f"{self.name} with compete_weight={self.config.compete_weight} competes with a student, but none was given",
                              "call update(student) before synthesize(), or run it through tools/distill.py, which interleaves it with distillation")


REGISTRY: dict[str, type[Synthesizer]] = {}


def register(name: str):
    """Class decorator adding a method to `REGISTRY` under `name`; a duplicate name is a bug."""

    def add(cls):
        if name in REGISTRY:
            raise ValueError(f"synthesis method {name!r} is already registered by {REGISTRY[name].__name__}")
        cls.name = name
        REGISTRY[name] = cls
        return cls

    return add


def create(name: str, teacher: Teacher, strategy: tf.distribute.Strategy | None = None, **overrides) -> Synthesizer:
    """Method `name` for `teacher`, its config defaults replaced by `overrides`."""
    if name not in REGISTRY:
        raise TfdfkdError(f"unknown synthesis method {name!r}", f"use one of {', '.join(sorted(REGISTRY))}")
    cls = REGISTRY[name]
    fields = {f.name for f in dataclasses.fields(cls.Config)}
    unknown = set(overrides) - fields
    if unknown:
        raise TfdfkdError(f"method {name!r} has no setting {', '.join(sorted(unknown))}", f"its settings are {', '.join(sorted(fields))}")
    return cls(teacher, cls.default_config(**overrides), strategy)


def parse_settings(name: str, pairs: list[str]) -> tuple[tuple[str, Any], ...]:
    """`["feature_weight=10", "flip=false"]` -> typed overrides for method `name`'s config.

    Each value is converted to the type of the field's default (bool, int, float, str, or a
    tuple of floats written with ':' between items, e.g. betas=1.0:0.1).
    """
    if name not in REGISTRY:
        raise TfdfkdError(f"unknown synthesis method {name!r}", f"use one of {', '.join(sorted(REGISTRY))}")
    defaults = dataclasses.asdict(REGISTRY[name].default_config())
    settings = []
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep or key not in defaults:
            raise TfdfkdError(f"bad synthesis setting {pair!r} for {name}", f"write key=value with a key from {', '.join(sorted(defaults))}")
        default = defaults[key]
        try:
            if isinstance(default, bool):
                if text.lower() not in ("true", "false", "1", "0"):
                    raise ValueError(text)
                value = text.lower() in ("true", "1")
            elif isinstance(default, (tuple, list)):
                value = tuple(float(v) for v in text.split(":"))
            else:
                value = type(default)(text)
        except ValueError:
            raise TfdfkdError(f"synthesis setting {key}={text!r} is not a valid {type(default).__name__}",
                              f"give {key} a value like {default!r}") from None
        settings.append((key, value))
    return tuple(settings)


def balanced_classes(batch_size: int, num_classes: int, rng: np.random.Generator) -> np.ndarray:
    """Target classes for one batch: class i mod K for the first K * (B // K) slots, then B mod K
    distinct classes drawn from `rng`. Every class gets B // K slots or one more, and which classes
    get the extra one changes with the seed: always giving it to the lowest-numbered classes would
    skew every batch towards them, and with more classes than slots (CIFAR-100 in batches of 64)
    leave the rest without a single image."""
    remainder = batch_size % num_classes
    extra = rng.choice(num_classes, remainder, replace=False) if remainder else np.zeros(0, np.int64)
    return np.concatenate([np.arange(batch_size - remainder) % num_classes, extra]).astype(np.int64)


def split_across_replicas(strategy: tf.distribute.Strategy, *arrays: np.ndarray):
    """Distributes the leading axis of each array across the strategy's replicas (equal slices)."""
    replicas = strategy.num_replicas_in_sync
    if len(arrays[0]) % replicas:
        raise TfdfkdError(f"batch size {len(arrays[0])} does not split across {replicas} replicas",
                          f"use a batch size that is a multiple of {replicas}")

    def slice_for(context: tf.distribute.ValueContext):
        n = len(arrays[0]) // context.num_replicas_in_sync
        i = context.replica_id_in_sync_group
        return tuple(tf.constant(a[i * n : (i + 1) * n]) for a in arrays)

    return strategy.experimental_distribute_values_from_function(slice_for)


def gather_from_replicas(strategy: tf.distribute.Strategy, per_replica) -> np.ndarray:
    """Concatenates per-replica results along the batch axis, in replica order.

    Under a multi-worker strategy some replicas live in other processes: their slices are
    gathered from every worker (a collective, so every worker must call this in the same order;
    each then holds the whole global batch, as a single process would).
    """
    local = strategy.experimental_local_results(per_replica)
    if len(local) < strategy.num_replicas_in_sync:
        return np.asarray(strategy.gather(per_replica, axis=0))
    return np.concatenate([np.asarray(t) for t in local], axis=0)


def jitter_and_flip(x, jitter: int, flip: bool, seed):
    """x circularly shifted by up to +-jitter pixels, then mirrored left-right with probability
    1/2: one draw for the whole batch from the stateless `seed` (the flip from `seed + 1`).
    DeepDream's and DeepInversion's per-step jitter, shared by the input-optimising methods."""
    if jitter:
        dx, dy = tf.unstack(tf.random.stateless_uniform([2], seed, -jitter, jitter + 1, tf.int32))
        x = tf.roll(x, shift=[dx, dy], axis=[1, 2])
    if flip:
        mirrored = tf.random.stateless_uniform([], seed + 1) < 0.5
        x = tf.cond(mirrored, lambda: tf.reverse(x, axis=[2]), lambda: x)
    return x


def jensen_shannon(logits_a: tf.Tensor, logits_b: tf.Tensor, tau: float) -> tf.Tensor:
    """Per-sample JS divergence (B,) between softmax(a / tau) and softmax(b / tau), in nats (max ln 2).

    Adaptive DeepInversion eq. (9): JS(p, q) = (KL(p || M) + KL(q || M)) / 2 with M = (p + q) / 2.
    """
    p, q = tf.nn.softmax(logits_a / tau), tf.nn.softmax(logits_b / tau)
    mix = 0.5 * (p + q)
    kl = lambda a, b: tf.reduce_sum(a * (tf.math.log(a + 1e-10) - tf.math.log(b + 1e-10)), axis=-1)
    return 0.5 * (kl(p, mix) + kl(q, mix))
