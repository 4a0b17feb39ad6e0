"""The settings of a source-free adaptation run (`tfdfkd.adaptation_run`), checked when made.

Kept apart from `tfdfkd.adaptation_run` (and free of TensorFlow) so that `tools/adapt.py`
refuses a bad number before TensorFlow loads or anything is written.
"""

from __future__ import annotations

import dataclasses

from tfdfkd.checks import at_least_one, positive_finite
from tfdfkd.errors import TfdfkdError


@dataclasses.dataclass(frozen=True)
class AdaptConfig:
    steps: int = 3000  # adversarial steps (one discriminator and one encoder update each)
    steps_per_epoch: int = 100  # how often progress, TensorBoard and the resume backup tick
    batch_size: int = 128  # of each domain per step
    learning_rate: float = 2e-4  # Adam, beta_1 0.5, both players (ADDA)
    discriminator_width: int = 500  # the paper
    seed: int = 0

    def __post_init__(self):
        for name in ("steps", "steps_per_epoch", "batch_size", "discriminator_width"):
            at_least_one(getattr(self, name), name)
        if self.steps % self.steps_per_epoch:
            raise TfdfkdError(f"--steps={self.steps} is not a whole number of epochs of --steps_per_epoch={self.steps_per_epoch}",
                              "make --steps a multiple of --steps_per_epoch")
        positive_finite(self.learning_rate, "learning_rate", "2e-4")
