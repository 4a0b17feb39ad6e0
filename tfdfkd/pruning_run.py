"""Iterative data-free pruning with distillation, resumable round by round.

    student, record = prune(teacher.logits_model, images, PruneConfig(fraction=0.5), work_dir="runs/prune")

Each round ranks the current student's filters on `images` (`tfdfkd.pruning.taylor_importance`),
removes the lowest, and distills the smaller student from the unpruned teacher for a few epochs
(Hinton KD at `temperature` with ZSKD's augmentations), as Molchanov et al. interleave pruning
with fine-tuning; a final distillation of `finetune_epochs` follows (the DeepInversion paper: 30).
`work_dir` keeps the student after every round and a `progress.json`; a rerun with the same
config resumes after the last finished round, and the final distillation resumes from its last
epoch. TensorBoard logs go to `work_dir/tensorboard`.
"""

from __future__ import annotations

import dataclasses
import os
import time

import keras
import numpy as np
import tensorflow as tf

from tfdfkd import models, pruning
from tfdfkd.augment import ZSKDAugmentation
from tfdfkd.backup import BackupAndRestore
from tfdfkd.distill import Distiller, EvalAccuracy, accuracy
from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import StageLog
from tfdfkd.pruning_config import PruneConfig


def _distill(config, strategy, teacher, student, images, epochs, log_dir, eval_set, seed, backup_dir=None):
    """`epochs` of Hinton KD from `teacher` into `student` on `images`; the fit's seconds."""
    with strategy.scope():
        distiller = Distiller(teacher, student, temperature=config.temperature)
        distiller.compile(keras.optimizers.Adam(config.learning_rate))
        distiller(images[:1])  # built, so that a backup can be restored into it
        augmentation = ZSKDAugmentation(fraction=0.5, seed=seed) if config.augment else None
    data = tf.data.Dataset.from_tensor_slices(images).shuffle(len(images), seed=seed).batch(config.batch_size)
    if augmentation is not None:
        data = data.map(lambda x: augmentation(x, training=True))
    callbacks = [EvalAccuracy(student, *eval_set)] if eval_set else []
    backup = BackupAndRestore(backup_dir) if backup_dir else None
    callbacks += [keras.callbacks.TensorBoard(log_dir, write_graph=False), keras.callbacks.TerminateOnNaN()] + ([backup] if backup else [])
    start = time.time()
    history = distiller.fit(data.prefetch(2), epochs=epochs, verbose=2, callbacks=callbacks)
    if not np.all(np.isfinite(history.history.get("loss", [0.0]))):
        raise TfdfkdError("the distillation loss became NaN/Inf while fine-tuning the pruned student", "lower --learning_rate")
    return backup.training_seconds() if backup else time.time() - start


def prune(teacher: keras.Model, images: np.ndarray, config: PruneConfig, work_dir: str, strategy: tf.distribute.Strategy | None = None,
          eval_set: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[keras.Model, dict]:
    """The pruned and fine-tuned student of `teacher` (images to logits), and a record of each
    round (filters left, accuracy on `eval_set` right after pruning and after distilling)."""
    config.check()
    strategy = strategy or tf.distribute.get_strategy()
    counts = pruning.prune_rounds(pruning.filter_count(teacher, config.layers), config.fraction, config.rounds)
    log = StageLog(work_dir, dataclasses.asdict(config), key="rounds", prefix="round", first=1, what="a pruning run",
                   fix="choose a new --out, or delete that directory")
    rounds = log.entries
    if rounds:
        print(f"resuming after pruning round {len(rounds)} of {len(counts)}")
    with strategy.scope():
        student = keras.models.load_model(log.last_model_path()) if rounds else models.copy(teacher)
    score = (lambda model: round(accuracy(model, *eval_set), 4)) if eval_set else (lambda model: None)
    for index in range(len(rounds), len(counts)):
        seed = config.seed * 1000 + index
        keras.utils.set_random_seed(seed)
        start = time.time()
        ranked = images[np.random.default_rng(seed).permutation(len(images))[: config.ranking_images]]
        keep = pruning.lowest_filters(pruning.taylor_importance(student, teacher, ranked, layers=config.layers), counts[index])
        with strategy.scope():
            student = pruning.shrink(student, keep)
        pruned_accuracy = score(student)
        distill_seconds = 0.0
        if config.round_epochs:
            distill_seconds = _distill(config, strategy, teacher, student, images, config.round_epochs,
                                       os.path.join(work_dir, "tensorboard", f"round_{index + 1}"), eval_set, seed)
        log.add({"round": index + 1, "filters": pruning.filter_count(student), "multiply_adds": pruning.multiply_adds(student),
                       "kept": {name: len(kept) for name, kept in keep.items()}, "accuracy_after_pruning": pruned_accuracy,
                       "accuracy_after_distilling": score(student) if config.round_epochs else pruned_accuracy,
                       "seconds": round(time.time() - start, 1), "distill_seconds": round(distill_seconds, 1)}, student)
        print(f"round {index + 1}/{len(counts)}: {rounds[-1]['filters']} filters left, accuracy {pruned_accuracy} after pruning, "
              f"{rounds[-1]['accuracy_after_distilling']} after {config.round_epochs} epochs of distillation")
    finetune_seconds = 0.0
    if config.finetune_epochs:
        finetune_seconds = _distill(config, strategy, teacher, student, images, config.finetune_epochs,
                                    os.path.join(work_dir, "tensorboard", "finetune"), eval_set, config.seed,
                                    backup_dir=os.path.join(work_dir, "finetune_backup"))
    return student, {"rounds": rounds, "finetune_seconds": round(finetune_seconds, 1),
                     "prune_seconds": round(sum(r["seconds"] for r in rounds), 1), "config": log.settings}
