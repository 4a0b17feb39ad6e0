"""Data-free pruning of a teacher: filters ranked and the pruned network distilled on synthesized images.

    python tools/prune.py --flagfile=tools/flags/prune_fashion_mnist_bn_deepinversion_50.flags

The DeepInversion paper's sec. 4.3 (tfdfkd.pruning, tfdfkd.pruning_run): --prune_fraction of the
teacher's convolution filters and hidden units are removed over --rounds, ranked by Molchanov et
al.'s Taylor criterion on --images, and the smaller network is distilled from the unpruned teacher
on the same images. --images takes what --proxy takes (tfdfkd.proxy): a finished run's
transfer_set/ directory (data-free), `fashion_mnist` (the real training images, unlabelled: the
data-driven reference), `noise`, ... The work lives in OUT.partial/ (a rerun resumes after the last
finished round) and becomes --out when done: student/ (SavedModel), student.keras, metrics.json,
tensorboard/.
"""

from __future__ import annotations

import dataclasses
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("teacher", None, "Zoo name, .keras file or SavedModel directory: the network to prune.", required=True)
flags.DEFINE_string("images", None, "Images that rank the filters and distill the pruned network (a transfer_set/ directory, "
                    "fashion_mnist, noise, ...; see tfdfkd.proxy).", required=True)
flags.DEFINE_integer("num_images", 0, "Use only the first N of --images (0: all).", lower_bound=0)
flags.DEFINE_string("out", None, "Output directory.", required=True)
flags.DEFINE_float("prune_fraction", 0.5, "Share of the prunable filters to remove.")
flags.DEFINE_enum("prune_layers", "all", ["all", "conv"], "Which filters compete: convolution channels and hidden units (all), "
                  "or convolution channels only (conv: they carry most of the multiply-adds).")
flags.DEFINE_integer("rounds", 5, "Pruning steps, each followed by --round_epochs of distillation.")
flags.DEFINE_integer("round_epochs", 2, "Distillation epochs after each pruning step.", lower_bound=0)
flags.DEFINE_integer("finetune_epochs", 30, "Distillation epochs once pruning is done (the paper: 30).", lower_bound=0)
flags.DEFINE_integer("ranking_images", 2048, "Images each ranking sees.", lower_bound=1)
flags.DEFINE_float("distill_tau", 20.0, "Distillation temperature.")
flags.DEFINE_integer("batch_size", 256, "Distillation batch size.", lower_bound=1)
flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate of the distillation.")
flags.DEFINE_bool("augment", True, "ZSKD's augmentations on half of each distillation batch.")
flags.DEFINE_string("eval_dataset", None, "Labelled test set (default: the zoo teacher's).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored"], "tf.distribute strategy.")
flags.DEFINE_integer("seed", 0, "Seeds rankings, shuffles and augmentation.")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(prune)


def prune():
    from tfdfkd.io_utils import git_commit, refuse_existing_record
    from tfdfkd.pruning_config import PruneConfig

    # Light checks first: a bad number or a finished --out fails before TensorFlow loads.
    commit = git_commit()
    refuse_existing_record(FLAGS.out)
    config = PruneConfig(fraction=FLAGS.prune_fraction, layers=FLAGS.prune_layers, rounds=FLAGS.rounds, round_epochs=FLAGS.round_epochs,
                         finetune_epochs=FLAGS.finetune_epochs, ranking_images=FLAGS.ranking_images, temperature=FLAGS.distill_tau,
                         batch_size=FLAGS.batch_size, learning_rate=FLAGS.learning_rate, augment=FLAGS.augment, seed=FLAGS.seed)
    config.check()

    from tfdfkd import data, proxy, pruning, teacher, zoo
    from tfdfkd import strategy as strategies
    from tfdfkd.distill import accuracy
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.export import save_student
    from tfdfkd.io_utils import claim_staging, finish_staging, write_json
    from tfdfkd.pipeline import check_eval_set
    from tfdfkd.pruning_run import prune as prune_and_distill

    loaded = teacher.load(FLAGS.teacher)
    model = loaded.logits_model
    pruning.prunable_layers(model)  # refuses a model it cannot prune before any work
    if pruning.filter_count(model, FLAGS.prune_layers) == 0:
        raise TfdfkdError(f"{FLAGS.teacher} has no {FLAGS.prune_layers} filters to prune (no convolution or hidden Dense layer)",
                          "prune a network with convolutions or hidden Dense layers" +
                          (", or pass --prune_layers=all" if FLAGS.prune_layers == "conv" else ""))
    eval_dataset = zoo.eval_dataset_for(FLAGS.teacher, FLAGS.eval_dataset)
    images = proxy.load(FLAGS.images, model.input_shape[1:], seed=FLAGS.seed).astype("float32") / 255.0
    images = images[: FLAGS.num_images] if FLAGS.num_images else images
    test = data.load(eval_dataset, "test", FLAGS.data_dir)
    check_eval_set(eval_dataset, test, loaded)
    staging = FLAGS.out.rstrip("/") + ".partial"
    # Every setting: a finished but unpublished run is published only for the command that made it.
    claim_staging(staging, {"teacher": FLAGS.teacher, "images": FLAGS.images, "num_images": FLAGS.num_images,
                            "eval_dataset": eval_dataset, **dataclasses.asdict(config)},
                  "an unfinished pruning with other settings")
    if os.path.exists(os.path.join(staging, "metrics.json")):  # killed after its last write: only publishing is left
        finish_staging(staging, FLAGS.out, _resume_state)
        print(f"pruned student: finished earlier; exported to {os.path.join(FLAGS.out, 'student')}")
        return
    print(f"pruning {FLAGS.prune_fraction:.0%} of {pruning.filter_count(model, FLAGS.prune_layers)} {FLAGS.prune_layers} filters of {FLAGS.teacher} on {len(images)} "
          f"images from {FLAGS.images}")
    student, record = prune_and_distill(model, images, config, staging, strategies.get(FLAGS.strategy), eval_set=(test.images, test.labels))
    # Every invocation's work (a resumed run's earlier rounds and fine-tuning epochs included).
    seconds = record["prune_seconds"] + record["finetune_seconds"]
    save_student(student, staging)
    metrics = {
        "method": "prune", "images": FLAGS.images, "num_samples": len(images), "teacher": FLAGS.teacher, "eval_dataset": eval_dataset,
        "teacher_accuracy": round(accuracy(model, test.images, test.labels), 4),
        "student_accuracy": round(accuracy(student, test.images, test.labels), 4),
        "prune_fraction": FLAGS.prune_fraction, "prune_layers": FLAGS.prune_layers, "teacher_filters": pruning.filter_count(model), "student_filters": pruning.filter_count(student),
        "teacher_parameters": model.count_params(), "student_parameters": student.count_params(),
        "teacher_multiply_adds": pruning.multiply_adds(model), "student_multiply_adds": pruning.multiply_adds(student),
        **record, "seconds": round(seconds, 1),
        "command": " ".join(["python", "tools/prune.py"] + sys.argv[1:]), "commit": commit,
    }
    write_json(os.path.join(staging, "metrics.json"), metrics)
    finish_staging(staging, FLAGS.out, _resume_state)
    print(f"pruned student: {metrics['student_filters']} of {metrics['teacher_filters']} filters, "
          f"{metrics['student_multiply_adds']} of {metrics['teacher_multiply_adds']} multiply-adds, "
          f"test accuracy {metrics['student_accuracy']:.4f} (teacher {metrics['teacher_accuracy']:.4f})")


def _resume_state(name: str) -> bool:
    """What the pruning run kept only to resume after a kill: each round's model and the log of
    rounds, and the fine-tuning's backup."""
    return name.startswith("round_") or name in ("progress.json", "finetune_backup")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
