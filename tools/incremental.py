"""Class-incremental learning with Data Impressions in place of the old classes' images.

    python tools/incremental.py --flagfile=tools/flags/incremental_fashion_mnist_dmc_zskd.flags

The Data Impressions paper's sec. 4.5 (tfdfkd.incremental_run): the dataset's classes arrive in
groups of --classes_per_step; each step learns a new group with --learner (dmc: Deep Model
Consolidation on --replay images plus the new group's; lwf and finetune: the new images alone)
and measures accuracy on the test images of every class seen so far. --work_dir keeps each
finished step, so a killed run resumes when the same command is run again. Writes one JSON
record to --out, atomically, never over an existing file.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("out", None, "Where to write the JSON record.", required=True)
flags.DEFINE_string("work_dir", None, "Where finished steps and TensorBoard logs go (default: runs/incremental/<name of --out>).")
flags.DEFINE_string("dataset", "fashion_mnist", "Labelled dataset whose classes arrive in groups.")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_string("architecture", "lenet5", "Architecture of every model in the run.")
flags.DEFINE_integer("classes_per_step", 2, "Classes in each group (the paper: 20 of CIFAR-100's 100).", lower_bound=1)
flags.DEFINE_list("class_order", [], "The order classes arrive in (default 0, 1, 2, ...).")
flags.DEFINE_enum("learner", "dmc", ["dmc", "replay_kd", "lwf", "finetune"],
                  "How each step learns its new group: dmc (the Data Impressions paper), replay_kd (the DeepInversion paper's "
                  "eq. 11), or the baselines lwf and finetune, which see the new images only.")
flags.DEFINE_string("replay", "zskd", "What stands in for the old classes with dmc and replay_kd: a synthesis method run on "
                    "the old model (zskd, class_impressions, deepinversion for a BN architecture, ...), real (real old "
                    "images: the reference with data) or none.")
flags.DEFINE_integer("replay_samples", 2400, "Replay images per step (the paper: 2,400 Data Impressions).", lower_bound=0)
flags.DEFINE_integer("synth_iterations", 1500, "Optimisation steps per impression.", lower_bound=1)
flags.DEFINE_integer("synth_batch_size", 500, "Impressions optimised together.", lower_bound=1)
flags.DEFINE_list("synth_settings", [], "More settings of the replay method, name=value pairs (see tools/distill.py).")
flags.DEFINE_integer("train_epochs", 20, "Epochs of the step-0 model and of DMC's new-class models.", lower_bound=1)
flags.DEFINE_integer("train_batch_size", 512, "Their batch size.", lower_bound=1)
flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate of every model.", lower_bound=0.0)
flags.DEFINE_integer("consolidate_epochs", 30, "Epochs of each step's combined model.", lower_bound=1)
flags.DEFINE_integer("consolidate_batch_size", 128, "Its batch size.", lower_bound=1)
flags.DEFINE_bool("augment", True, "ZSKD's augmentations on half of each batch of the combined model.")
flags.DEFINE_float("lwf_temperature", 2.0, "Temperature of LwF's distillation term.", lower_bound=0.0)
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored"], "tf.distribute strategy.")
flags.DEFINE_integer("seed", 0, "Seeds every model, synthesis and shuffle.", lower_bound=0)


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(learn)


def learn():
    import dataclasses

    from tfdfkd.errors import TfdfkdError
    from tfdfkd.incremental_config import IncrementalConfig
    from tfdfkd.io_utils import (
        check_writable,
        git_commit,
        refuse_existing_record,
        write_json,
    )

    # the checks that need no registry, model or data, before TensorFlow loads
    commit = git_commit()
    refuse_existing_record(FLAGS.out)
    try:
        order = tuple(int(c) for c in FLAGS.class_order)
    except ValueError as e:
        raise TfdfkdError(f"--class_order={','.join(FLAGS.class_order)} is not a list of class numbers",
                          "write it as --class_order=0,1,2,3,4,5,6,7,8,9") from e
    config = IncrementalConfig(
        dataset=FLAGS.dataset, architecture=FLAGS.architecture, classes_per_step=FLAGS.classes_per_step, class_order=order,
        learner=FLAGS.learner, replay=FLAGS.replay, replay_samples=FLAGS.replay_samples, synth_iterations=FLAGS.synth_iterations,
        synth_batch_size=FLAGS.synth_batch_size, train_epochs=FLAGS.train_epochs, train_batch_size=FLAGS.train_batch_size,
        learning_rate=FLAGS.learning_rate, consolidate_epochs=FLAGS.consolidate_epochs,
        consolidate_batch_size=FLAGS.consolidate_batch_size, augment=FLAGS.augment, lwf_temperature=FLAGS.lwf_temperature,
        seed=FLAGS.seed)
    config.check_numbers()

    from tfdfkd import strategy as strategies
    from tfdfkd import synthesis
    from tfdfkd.incremental_run import run

    if FLAGS.synth_settings and FLAGS.replay not in synthesis.REGISTRY:
        raise TfdfkdError(f"--synth_settings configure a synthesis method, and --replay={FLAGS.replay} synthesizes nothing",
                          "drop --synth_settings, or use --replay=zskd or class_impressions")
    if FLAGS.synth_settings:
        config = dataclasses.replace(config, synth_settings=synthesis.parse_settings(FLAGS.replay, FLAGS.synth_settings))
    config.check()
    work_dir = FLAGS.work_dir or os.path.join("runs", "incremental", os.path.basename(FLAGS.out).split(".")[0])
    if os.path.exists(work_dir) and not os.path.isdir(work_dir):
        raise TfdfkdError(f"--work_dir {work_dir} is a file", "choose a new --work_dir")
    if not os.path.isdir(work_dir):
        check_writable(work_dir, "--work_dir")
    elif not os.path.exists(os.path.join(work_dir, "progress.json")):  # what a run killed before its first record leaves
        foreign = sorted(n for n in os.listdir(work_dir)
                         if not (n == "tensorboard" or n.startswith(".tmp-") or (n.startswith("step_") and n.endswith(".keras"))))
        if foreign:
            raise TfdfkdError(f"--work_dir {work_dir} holds files of no incremental run ({', '.join(foreign[:3])})",
                              "choose a new or empty --work_dir")
    record = run(config, work_dir, FLAGS.data_dir, strategies.get(FLAGS.strategy))
    record.update({"work_dir": work_dir, "command": " ".join(["python", "tools/incremental.py"] + sys.argv[1:]), "commit": commit})
    write_json(FLAGS.out, record)
    print(f"{record['method']}: accuracy on all {record['steps'][-1]['num_classes_seen']} classes {record['student_accuracy']:.4f} "
          f"(mean over the incremental steps {record['mean_incremental_accuracy']})")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
