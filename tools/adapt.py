"""Source-free domain adaptation of a classifier to unlabelled target images (ADDA on synthesized source images).

    python tools/adapt.py --flagfile=tools/flags/adapt_fashion_mnist_fog_impressions.flags

The Data Impressions paper's sec. 4.2 (tfdfkd.adaptation, tfdfkd.adaptation_run): --source_model
is adapted to the domain of --target without its source data. --source_images stand in for it and
take what --proxy takes (tfdfkd.proxy): a finished run's transfer_set/ directory of Data
Impressions of --source_model (data-free, the paper's method), or the real source training images
(e.g. `fashion_mnist`: the source-dependent ADDA reference). --target names a tfdfkd.data dataset:
--num_target_images of its training split, unlabelled, are the target domain, and its test split
scores the result; --corruption shifts both (tfdfkd.corruptions), which is how a domain shift is
measured on this machine (the paper's SVHN -> MNIST needs tensorflow-datasets online:
--target=mnist with a source model trained on svhn_cropped). The work lives in OUT.partial/ (a
rerun resumes from its last backup) and becomes --out when done: adapted/ (SavedModel),
adapted.keras, metrics.json, tensorboard/.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("source_model", None, "Zoo name, .keras file or SavedModel directory: the classifier to adapt.", required=True)
flags.DEFINE_string("source_images", None, "What stands in for the source data: a transfer_set/ directory of Data Impressions "
                    "(data-free), a dataset name for real source images, ... (see tfdfkd.proxy).", required=True)
flags.DEFINE_integer("num_source_images", 0, "Use only the first N of --source_images (0: all).")
flags.DEFINE_string("target", None, "The target domain: a tfdfkd.data dataset name (its training images, unlabelled, "
                    "adapt; its test images score).", required=True)
flags.DEFINE_string("corruption", "none", "A tfdfkd.corruptions shift applied to the target images (none, fog, contrast, "
                    "gaussian_noise, impulse_noise, pixelate, invert).")
flags.DEFINE_integer("num_target_images", 2000, "Unlabelled target training images (the paper: 2,000 of MNIST, 1,800 of USPS; 0: all).")
flags.DEFINE_string("out", None, "Output directory.", required=True)
flags.DEFINE_integer("steps", 3000, "Adversarial steps.")
flags.DEFINE_integer("steps_per_epoch", 100, "Steps between progress lines, TensorBoard points and resume backups.")
flags.DEFINE_integer("batch_size", 128, "Images of each domain per step.")
flags.DEFINE_float("learning_rate", 2e-4, "Adam learning rate of both players (beta_1 0.5).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored"], "tf.distribute strategy.")
flags.DEFINE_integer("seed", 0, "Seeds the target sample, the corruption, shuffles and initialisation.")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(adapt)


def adapt():
    import dataclasses

    from tfdfkd import corruptions
    from tfdfkd.adaptation_config import AdaptConfig
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import (
        claim_staging,
        finish_staging,
        git_commit,
        refuse_existing_record,
        write_json,
    )

    # the checks that need no model or data, before TensorFlow loads
    commit = git_commit()
    refuse_existing_record(FLAGS.out)
    if FLAGS.corruption != "none" and FLAGS.corruption not in corruptions.CORRUPTIONS:
        raise TfdfkdError(f"unknown --corruption={FLAGS.corruption}", f"use one of none, {', '.join(corruptions.CORRUPTIONS)}")
    config = AdaptConfig(steps=FLAGS.steps, steps_per_epoch=FLAGS.steps_per_epoch, batch_size=FLAGS.batch_size,
                         learning_rate=FLAGS.learning_rate, seed=FLAGS.seed)
    for name in ("num_source_images", "num_target_images"):
        if getattr(FLAGS, name) < 0:
            raise TfdfkdError(f"--{name}={getattr(FLAGS, name)} is negative", f"give a count, or 0 for all (--{name})")

    import numpy as np

    from tfdfkd import data, proxy, teacher
    from tfdfkd import strategy as strategies
    from tfdfkd.adaptation import split_classifier
    from tfdfkd.adaptation_run import adapt as run_adaptation
    from tfdfkd.distill import accuracy
    from tfdfkd.export import save_student
    # The user's own classifier is split (a softmax after its final Dense layer is left out by the
    # split); teacher.from_keras only validates it. Its logits model would be a rebuilt graph.
    source_model = teacher.load_keras_model(FLAGS.source_model)
    classes = teacher.from_keras(source_model, source=FLAGS.source_model).num_classes
    split_classifier(source_model)  # refuses a model without a separable head before any work
    source_images = proxy.load(FLAGS.source_images, source_model.input_shape[1:], seed=FLAGS.seed).astype("float32") / 255.0
    source_images = source_images[: FLAGS.num_source_images] if FLAGS.num_source_images else source_images
    train, test = data.load(FLAGS.target, "train", FLAGS.data_dir), data.load(FLAGS.target, "test", FLAGS.data_dir)
    height, width, channels = source_model.input_shape[1:]
    if train.images.shape[1:3] != (height, width):
        raise TfdfkdError(f"{FLAGS.target} images are {train.images.shape[1]}x{train.images.shape[2]} but {FLAGS.source_model} takes {height}x{width}",
                          "adapt a source model whose input size matches the target dataset")
    if test.num_classes != classes:
        raise TfdfkdError(f"{FLAGS.target} has {test.num_classes} classes, {FLAGS.source_model} {classes}",
                          "adapt to a target with the source model's classes")
    chosen = np.random.default_rng(FLAGS.seed).permutation(len(train))[: FLAGS.num_target_images or len(train)]
    # SVHN -> MNIST and the like: the target's images in the source model's channels (luminance or copies).
    target_images = corruptions.apply(FLAGS.corruption, data.to_channels(train.images[chosen], channels), seed=FLAGS.seed)
    clean_test_images = data.to_channels(test.images, channels)
    test_images = corruptions.apply(FLAGS.corruption, clean_test_images, seed=FLAGS.seed + 1)
    for what, images in (("source", source_images), ("target", target_images)):  # before the claim: a fix must not be refused
        if len(images) < config.batch_size:
            raise TfdfkdError(f"{len(images)} {what} images are fewer than one batch of {config.batch_size}",
                              f"lower --batch_size, or give more {what} images")
    staging = FLAGS.out.rstrip("/") + ".partial"
    source = {"source_model": FLAGS.source_model, "source_images": FLAGS.source_images, "num_source_images": FLAGS.num_source_images,
              "target": FLAGS.target, "corruption": FLAGS.corruption, "num_target_images": FLAGS.num_target_images,
              "config": dataclasses.asdict(config)}
    claim_staging(staging, source, "an unfinished adaptation with other settings")
    if os.path.exists(os.path.join(staging, "metrics.json")):  # killed after its last write: only publishing is left
        finish_staging(staging, FLAGS.out, _resume_state)
        print(f"adapted: finished earlier; exported to {os.path.join(FLAGS.out, 'adapted')}")
        return
    before = accuracy(source_model, test_images, test.labels)
    print(f"adapting {FLAGS.source_model} to {FLAGS.target} ({FLAGS.corruption}; {len(target_images)} unlabelled images) "
          f"with {len(source_images)} source images from {FLAGS.source_images}; accuracy before: {before:.4f}")
    adapted, record = run_adaptation(source_model, source_images, target_images, config, staging, strategies.get(FLAGS.strategy),
                                     eval_set=(test_images, test.labels))
    save_student(adapted, staging, name="adapted")
    metrics = {
        "method": "adapt", "source_model": FLAGS.source_model, "source_images": FLAGS.source_images, "num_samples": len(source_images),
        "target": FLAGS.target, "corruption": FLAGS.corruption, "num_target_images": len(target_images),
        "teacher_accuracy": round(before, 4), "student_accuracy": round(accuracy(adapted, test_images, test.labels), 4),
        "source_accuracy_clean": round(accuracy(source_model, clean_test_images, test.labels), 4),
        "adapted_accuracy_clean": round(accuracy(adapted, clean_test_images, test.labels), 4),
        **record, "seconds": record["adapt_seconds"],
        "command": " ".join(["python", "tools/adapt.py"] + sys.argv[1:]), "commit": commit,
    }
    write_json(os.path.join(staging, "metrics.json"), metrics)
    finish_staging(staging, FLAGS.out, _resume_state)
    print(f"adapted: target test accuracy {metrics['student_accuracy']:.4f} (before {metrics['teacher_accuracy']:.4f}); "
          f"exported to {os.path.join(FLAGS.out, 'adapted')}")


def _resume_state(name: str) -> bool:
    """What the adaptation kept only to resume after a kill."""
    return name == "backup"


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
