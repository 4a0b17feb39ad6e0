"""The settings of a data-free pruning run, and the checks that refuse unworkable ones.

Kept apart from `tfdfkd.pruning_run` (and free of TensorFlow) so that `tools/prune.py` refuses a
bad number in a fraction of a second, before TensorFlow loads or anything is written.
"""

from __future__ import annotations

import dataclasses

from tfdfkd.checks import positive_finite
from tfdfkd.errors import TfdfkdError


@dataclasses.dataclass(frozen=True)
class PruneConfig:
    fraction: float = 0.5  # share of the prunable filters removed (the paper's Table 4: 50% and 20%)
    layers: str = "all"  # "all": convolution filters and hidden units compete; "conv": convolution filters only
    rounds: int = 5  # pruning steps, each followed by `round_epochs` of distillation
    round_epochs: int = 2
    finetune_epochs: int = 30  # the paper, after Molchanov et al.
    ranking_images: int = 2048  # images each ranking sees (drawn afresh every round)
    temperature: float = 20.0
    batch_size: int = 256
    learning_rate: float = 1e-3  # Adam
    augment: bool = True  # ZSKD's augmentations on half of each batch
    seed: int = 0

    def check(self) -> None:
        """Refuses a schedule, temperature or learning rate that cannot work (flag names as in tools/prune.py)."""
        check_schedule(self.fraction, self.rounds)
        positive_finite(self.temperature, "distill_tau", "20")
        positive_finite(self.learning_rate, "learning_rate", "1e-3")


def check_schedule(fraction: float, rounds: int) -> None:
    """Refuses a share of filters outside (0, 1) or fewer than one round."""
    if not 0.0 < fraction < 1.0:
        raise TfdfkdError(f"prune fraction {fraction} is not between 0 and 1", "pass e.g. --prune_fraction=0.5")
    if rounds < 1:
        raise TfdfkdError(f"{rounds} pruning rounds", "pass --rounds of 1 or more")
