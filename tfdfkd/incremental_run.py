"""A whole class-incremental run over a dataset's class groups, resumable after a kill.

    config = IncrementalConfig(dataset="fashion_mnist", classes_per_step=2, learner="dmc", replay="zskd")
    record = run(config, work_dir="runs/incremental/dmc_zskd")

Step 0 trains a model on the first group with cross-entropy (the only step that sees old
classes' images). Every later step adds the next group with one `tfdfkd.incremental` learner and
measures the result on the test images of every class seen so far, as the paper's Fig. 8 does.
`work_dir` keeps each step's model (`step_<t>.keras`) and `progress.json`; a rerun with the same
config resumes after the last finished step. TensorBoard logs go to `work_dir/tensorboard`.
"""

from __future__ import annotations

import dataclasses
import os
import time

import keras
import numpy as np
import tensorflow as tf

from tfdfkd import augment, data, models, synthesis
from tfdfkd.distill import EvalAccuracy
from tfdfkd.errors import TfdfkdError
from tfdfkd.incremental_config import LEARNERS, REPLAYS, IncrementalConfig  # noqa: F401 (importable from here too)
from tfdfkd.incremental import (
    REPLAY_LABEL,
    DoubleDistillation,
    LearningWithoutForgetting,
    widen_classifier,
)
from tfdfkd.io_utils import StageLog
from tfdfkd.teacher import from_keras

def class_groups(config: IncrementalConfig, num_classes: int) -> list[list[int]]:
    """The dataset's classes in arrival order, cut into groups of `classes_per_step`."""
    order = list(config.class_order) or list(range(num_classes))
    if sorted(order) != list(range(num_classes)):
        raise TfdfkdError(f"class_order {order} is not an ordering of the {num_classes} classes 0..{num_classes - 1}",
                          "list every class exactly once, e.g. --class_order=0,1,2,3,4,5,6,7,8,9")
    if num_classes % config.classes_per_step:
        raise TfdfkdError(f"{num_classes} classes do not split into groups of {config.classes_per_step}",
                          f"use a --classes_per_step that divides {num_classes}")
    return [order[i : i + config.classes_per_step] for i in range(0, num_classes, config.classes_per_step)]


def _relabel(labelled: data.LabelledImages, order: list[int], classes: list[int]):
    """Images of `classes`, labelled by arrival position (output i of every model is order[i])."""
    position = np.empty(len(order), np.int32)
    position[order] = np.arange(len(order))
    keep = np.isin(labelled.labels, classes)
    return labelled.images[keep], position[labelled.labels[keep]]


def _dataset(images, labels, batch_size: int, seed: int) -> tf.data.Dataset:
    parts = images if labels is None else (images, labels)
    return tf.data.Dataset.from_tensor_slices(parts).shuffle(len(images), seed=seed, reshuffle_each_iteration=True).batch(batch_size)


def _half_and_half(replay, new_images, new_labels, batch_size: int, seed: int) -> tf.data.Dataset:
    """Batches of half new labelled images, half replay images labelled `REPLAY_LABEL` (the
    replay set cycles); an epoch is one pass over the new images."""
    half = batch_size // 2
    new = tf.data.Dataset.from_tensor_slices((new_images, new_labels)).shuffle(len(new_images), seed=seed).batch(half, drop_remainder=True)
    old = tf.data.Dataset.from_tensor_slices((replay, np.full(len(replay), REPLAY_LABEL, np.int32)))
    old = old.shuffle(len(replay), seed=seed + 1).repeat().batch(half, drop_remainder=True)
    return tf.data.Dataset.zip((new, old)).map(lambda a, b: (tf.concat([a[0], b[0]], 0), tf.concat([a[1], b[1]], 0)))


def _fit(model, dataset, epochs, log_dir, eval_set=None):
    """`model.fit` logged to TensorBoard; `eval_set` = (classifier, images, labels) adds its
    accuracy to each epoch's logs."""
    callbacks = [EvalAccuracy(*eval_set)] if eval_set else []
    callbacks += [keras.callbacks.TensorBoard(log_dir, write_graph=False), keras.callbacks.TerminateOnNaN()]
    history = model.fit(dataset, epochs=epochs, verbose=2, callbacks=callbacks, shuffle=False)  # tf.data shuffles
    if not np.all(np.isfinite(history.history.get("loss", [0.0]))):
        raise TfdfkdError(f"the loss became NaN/Inf while training {model.name}", "lower --learning_rate")


def _train_classifier(config, strategy, images, labels, num_classes, log_dir, seed):
    """A fresh `architecture` trained on labelled images with cross-entropy."""
    with strategy.scope():
        model = models.build(config.architecture, images.shape[1:], num_classes, seed=seed)
        model.compile(keras.optimizers.Adam(config.learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    _fit(model, _dataset(images, labels, config.train_batch_size, seed), config.train_epochs, log_dir)
    return model


def _replay_images(config, strategy, old_model, train_set, order, old_classes, seed):
    """What stands in for the old classes: impressions of `old_model`, real images, or none;
    with the impressions' on-target rate (share the old model assigns their target class)."""
    if config.replay == "none":
        return np.zeros((0,) + train_set.images.shape[1:], np.float32), None
    if config.replay == "real":
        images, _ = _relabel(train_set, order, old_classes)
        chosen = np.random.default_rng(seed).permutation(len(images))[: config.replay_samples]
        return images[chosen], None
    frozen = models.copy(old_model, trainable=False)  # the teacher of this synthesis; the old model itself stays as is
    settings = dict(config.synth_settings)
    if "iterations" in {f.name for f in dataclasses.fields(synthesis.REGISTRY[config.replay].Config)}:
        settings.setdefault("iterations", config.synth_iterations)
    synth = synthesis.create(config.replay, from_keras(frozen, source="the old model"), strategy, **settings)
    if synth.needs_student():
        raise TfdfkdError(f"replay method {config.replay} adapts its images to a student, which an incremental step does not have",
                          "use a replay method without a student, e.g. --replay=zskd or deepinversion")
    synth.prepare(seed=seed)
    batches, on_target, progress = [], [], keras.utils.Progbar(config.replay_samples, unit_name="image")
    for index, start in enumerate(range(0, config.replay_samples, config.synth_batch_size)):
        batch = synth.synthesize(min(config.synth_batch_size, config.replay_samples - start), seed=seed * 1000 + index)
        batches.append(batch.images)
        on_target.append(batch.metrics.get("on_target", np.nan) * len(batch.images))
        progress.add(len(batch.images), list(batch.metrics.items()))
    on_target = sum(on_target) / config.replay_samples
    return np.concatenate(batches), None if np.isnan(on_target) else round(float(on_target), 4)


def _learn_step(config, strategy, old_model, new_images, new_labels, replay, num_classes, log_dir, seed, eval_set):
    """The combined model after one incremental step (see `tfdfkd.incremental`); `eval_set`
    (the test images of the classes seen) draws its learning curve in TensorBoard."""
    old_classes = old_model.output_shape[-1]
    with strategy.scope():
        combined = widen_classifier(old_model, num_classes)
        augmentation = augment.ZSKDAugmentation(seed=seed) if config.augment else None
        if config.learner in ("lwf", "finetune"):  # fine-tuning is LwF without its distillation term
            learner = LearningWithoutForgetting(combined, old_model, config.lwf_temperature,
                                                distill_weight=float(config.learner == "lwf"), augmentation=augmentation)
        elif config.learner == "replay_kd":  # DeepInversion's eq. 11: KL on replay, CE + KL on new images
            learner = LearningWithoutForgetting(combined, old_model, temperature=1.0, augmentation=augmentation)
    if config.learner == "dmc":
        new_model = _train_classifier(config, strategy, new_images, new_labels - old_classes, num_classes - old_classes,
                                      os.path.join(log_dir, "new_model"), seed)
        with strategy.scope():
            learner = DoubleDistillation(combined, old_model, new_model, augmentation)
        images = np.concatenate([replay, new_images])
        dataset = _dataset(images, None, config.consolidate_batch_size, seed)
    elif config.learner == "replay_kd":
        dataset = _half_and_half(replay, new_images, new_labels, config.consolidate_batch_size, seed)
    else:
        dataset = _dataset(new_images, new_labels, config.consolidate_batch_size, seed)
    with strategy.scope():
        learner.compile(keras.optimizers.Adam(config.learning_rate))
    _fit(learner, dataset, config.consolidate_epochs, os.path.join(log_dir, config.learner), eval_set=(combined, *eval_set))
    return combined


def _scores(model, test_images, test_labels, old_classes: int) -> dict:
    """Accuracy on every class seen, on the old and the new classes' images, and on the old
    classes' images when only the old classes' outputs compete (`accuracy_old_within_old`: what
    the model still knows about the old classes, whatever its bias towards the new ones)."""
    old = test_labels < old_classes
    round4 = lambda hits: round(float(np.mean(hits)), 4)
    logits = np.concatenate([keras.ops.convert_to_numpy(model(test_images[i : i + 1000], training=False))
                             for i in range(0, len(test_images), 1000)])
    predicted = logits.argmax(axis=-1)
    return {"accuracy_seen": round4(predicted == test_labels),
            "accuracy_old": round4(predicted[old] == test_labels[old]) if old.any() else None,
            "accuracy_old_within_old": round4(logits[old, :old_classes].argmax(axis=-1) == test_labels[old]) if old.any() else None,
            "accuracy_new": round4(predicted[~old] == test_labels[~old])}


def run(config: IncrementalConfig, work_dir: str, data_dir: str | None = None, strategy: tf.distribute.Strategy | None = None) -> dict:
    """Every step of `config`, resumed from `work_dir` when it holds finished steps of the same
    config; returns the run's record (per-step accuracies, timings, the final accuracy)."""
    config.check()
    strategy = strategy or tf.distribute.get_strategy()
    train_set, test_set = data.load(config.dataset, "train", data_dir), data.load(config.dataset, "test", data_dir)
    groups = class_groups(config, train_set.num_classes)
    order = [c for group in groups for c in group]
    log = StageLog(work_dir, dataclasses.asdict(config), key="steps", prefix="step", first=0, what="an incremental run",
                   fix="choose a new --work_dir, or delete that directory to start over")
    steps, model = log.entries, None
    if steps:
        print(f"resuming after step {len(steps) - 1} of {len(groups) - 1} from {work_dir}")
        with strategy.scope():
            model = keras.models.load_model(log.last_model_path())
    writer = None  # opened with the first finished step, so a run that fails before one leaves no event file
    for step in range(len(steps), len(groups)):
        seed = config.seed * 1000 + step
        keras.utils.set_random_seed(seed)
        seen = order[: sum(len(g) for g in groups[: step + 1])]
        old_count = len(seen) - len(groups[step])
        new_images, new_labels = _relabel(train_set, order, groups[step])
        log_dir = os.path.join(work_dir, "tensorboard", f"step_{step}")
        test_images, test_labels = _relabel(test_set, order, seen)
        start = time.time()
        replay_seconds, on_target = 0.0, None
        if step == 0:
            model = _train_classifier(config, strategy, new_images, new_labels, len(seen), log_dir, seed)
        else:
            print(f"step {step}: {config.replay} replay for classes {order[:old_count]}, learning classes {groups[step]}")
            replay, on_target = _replay_images(config, strategy, model, train_set, order, order[:old_count], seed)
            replay_seconds = time.time() - start
            model = _learn_step(config, strategy, model, new_images, new_labels, replay, len(seen), log_dir, seed,
                                (test_images, test_labels))
        entry = {"step": step, "classes": groups[step], "num_classes_seen": len(seen), **_scores(model, test_images, test_labels, old_count),
                 "replay_on_target": on_target, "replay_seconds": round(replay_seconds, 1),
                 "train_seconds": round(time.time() - start - replay_seconds, 1)}
        log.add(entry, model)
        writer = writer or tf.summary.create_file_writer(os.path.join(work_dir, "tensorboard", "incremental"))
        with writer.as_default():
            tf.summary.scalar("accuracy_seen_classes", entry["accuracy_seen"], step=len(seen))
        print(f"step {step}: accuracy on the {len(seen)} classes seen {entry['accuracy_seen']:.4f} "
              f"(old {entry['accuracy_old']}, new {entry['accuracy_new']:.4f})")
    if writer is not None:
        writer.flush()
    return {
        "method": f"incremental_{config.learner}" + (f"_{config.replay}" if config.replay != "none" else ""),
        "dataset": config.dataset, "num_samples": config.replay_samples if config.replay != "none" else 0,
        "teacher_accuracy": steps[0]["accuracy_seen"],  # the step-0 model, trained with data on the first classes
        "student_accuracy": steps[-1]["accuracy_seen"],  # the last model, on every class
        "mean_incremental_accuracy": round(float(np.mean([s["accuracy_seen"] for s in steps[1:]])), 4) if len(steps) > 1 else None,
        "steps": steps, "synthesis_seconds": round(sum(s["replay_seconds"] for s in steps), 1),
        "train_seconds": round(sum(s["train_seconds"] for s in steps), 1), "config": log.settings,
    }
