"""The settings of a class-incremental run (`tfdfkd.incremental_run`), and their checks.

Kept apart from `tfdfkd.incremental_run` (and free of TensorFlow) so that `tools/incremental.py`
refuses a bad number or combination (`check_numbers`) before TensorFlow loads or anything is
written; `check` adds the names that only the loaded registries can confirm.
"""

from __future__ import annotations

import dataclasses

from tfdfkd.checks import at_least_one, positive_finite
from tfdfkd.errors import TfdfkdError

LEARNERS = ("dmc", "replay_kd", "lwf", "finetune")
REPLAYS = ("none", "real")  # or the name of a synthesis method (tfdfkd.synthesis.REGISTRY)


@dataclasses.dataclass(frozen=True)
class IncrementalConfig:
    dataset: str = "fashion_mnist"
    architecture: str = "lenet5"  # every model of the run (the paper: ResNet-32 for all, on CIFAR-100)
    classes_per_step: int = 2  # the paper: 20 of CIFAR-100's 100 classes, so 5 groups; here 5 groups of 2
    class_order: tuple[int, ...] = ()  # the order classes arrive in; () is 0, 1, 2, ...
    learner: str = "dmc"  # one of LEARNERS
    replay: str = "zskd"  # what stands in for the old classes (dmc, replay_kd): a synthesis method or one of REPLAYS
    replay_samples: int = 2400  # the paper's memory budget: 2,400 Data Impressions in all
    synth_iterations: int = 1500  # ZSKD appendix
    synth_batch_size: int = 500
    synth_settings: tuple[tuple[str, object], ...] = ()  # further overrides of the replay method's config
    train_epochs: int = 20  # base and new models: ZSKD's teacher recipe (Adam 1e-3, batch 512)
    train_batch_size: int = 512
    learning_rate: float = 1e-3  # Adam, every model (the paper: SGD 0.01 with momentum, up to 500 epochs)
    consolidate_epochs: int = 30
    consolidate_batch_size: int = 128
    augment: bool = True  # ZSKD's augmentations on half of each consolidation batch (the paper: flips, rotations, scaling)
    lwf_temperature: float = 2.0  # Li & Hoiem
    seed: int = 0

    def check_numbers(self) -> None:
        """Refuses counts, rates and learner/replay pairings that cannot work (no TensorFlow needed)."""
        if self.learner not in LEARNERS:
            raise TfdfkdError(f"unknown learner {self.learner!r}", f"use one of {', '.join(LEARNERS)}")
        if self.learner in ("lwf", "finetune") and self.replay != "none":
            raise TfdfkdError(f"learner {self.learner} trains on the new classes' images only, so replay={self.replay} has no use",
                              "use --replay=none with lwf and finetune, or --learner=dmc or replay_kd")
        if self.learner == "replay_kd" and self.replay == "none":
            raise TfdfkdError("learner replay_kd needs replay images", "pass --replay=zskd (or another method, or real)")
        if self.classes_per_step < 2:
            raise TfdfkdError(f"classes_per_step={self.classes_per_step} leaves a model with one class to learn",
                              "use --classes_per_step of 2 or more")
        if self.replay != "none" and self.replay_samples < 1:
            raise TfdfkdError(f"replay={self.replay} with replay_samples={self.replay_samples}", "give --replay_samples of 1 or more")
        for name in ("train_epochs", "train_batch_size", "consolidate_epochs", "consolidate_batch_size", "synth_iterations", "synth_batch_size"):
            at_least_one(getattr(self, name), name)
        positive_finite(self.learning_rate, "learning_rate", "1e-3")
        positive_finite(self.lwf_temperature, "lwf_temperature", "2")

    def check(self) -> None:
        """`check_numbers`, and the replay method and architecture known to the (loaded) registries."""
        from tfdfkd import models, synthesis

        self.check_numbers()
        if self.replay not in REPLAYS + tuple(synthesis.REGISTRY):
            raise TfdfkdError(f"unknown replay {self.replay!r}", f"use one of {', '.join(REPLAYS + tuple(sorted(synthesis.REGISTRY)))}")
        if self.architecture not in models.ARCHITECTURES:
            raise TfdfkdError(f"unknown architecture {self.architecture!r}", f"use one of {', '.join(sorted(models.ARCHITECTURES))}")
