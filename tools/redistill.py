"""Distill a fresh student on a stored transfer set, without synthesizing it again.

    python tools/redistill.py --transfer_set=runs/di_fashion_mnist_deepinversion_tv \
        --teacher=lenet5_bn_fashion_mnist --seed=1 --distill_mixup=1.0 --out=runs/redistill_seed1.json

Compares distillation recipes and seeds on the same images (a synthesis run costs minutes to
hours; this costs its distillation only). --transfer_set is a run's --out (or its transfer_set/
directory), or several, comma-separated, distilled on as one set (two synthesis rounds, say).
--out is a JSON record: the metrics.json keys (method, num_samples, teacher and student
accuracy, seconds), the command and the commit. Errors are one line with exit status 2.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

from tfdfkd.cli import define_distill_flags, distill_flag_values

FLAGS = flags.FLAGS
flags.DEFINE_list("transfer_set", None, "A run's output directory, or its transfer_set/ directory; several, comma-separated, "
                  "are distilled on as one set.", required=True)
flags.DEFINE_string("teacher", None, "Zoo name, .keras file or SavedModel directory: the set's teacher.", required=True)
flags.DEFINE_string("student", "lenet5_half", "Architecture name (tfdfkd.models.ARCHITECTURES), zoo entry (its weights) or .keras file.")
flags.DEFINE_string("eval_dataset", None, "Labelled dataset whose test split measures accuracy (default: the zoo teacher's).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_string("out", None, "The JSON record to write (must not exist).", required=True)
flags.DEFINE_string("save_student", None, "Also keep the distilled student as this .keras file (must not exist; "
                    "tools/soup.py averages such students, tools/zoo_from_run.py does not take them).")
flags.DEFINE_integer("seed", 0, "Seeds the student's initialisation, shuffling, augmentation and mixup.", lower_bound=0)
define_distill_flags(batch_size=256, learning_rate=0.001, tau=3.0, augment_fraction=0.5)


def main(argv):
    from tfdfkd.cli import run_cli

    run_cli(redistill, resumable=False)  # a short run that writes one record at the end


def redistill():
    import dataclasses

    from tfdfkd import pipeline
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import check_new_keras_file, git_commit, refuse_existing_record

    config = pipeline.RunConfig(  # method and size are the transfer set's, filled in once it is open
        teacher=FLAGS.teacher, student=FLAGS.student, out=FLAGS.out, seed=FLAGS.seed, eval_dataset=FLAGS.eval_dataset,
        data_dir=FLAGS.data_dir, **distill_flag_values())
    pipeline.check_numbers(config)  # before TensorFlow loads
    if config.distill_epochs < 1:
        raise TfdfkdError(f"--distill_epochs is {config.distill_epochs}, it must be at least 1", "pass a positive --distill_epochs")
    commit = git_commit()
    refuse_existing_record(FLAGS.out)
    check_new_keras_file(FLAGS.save_student)

    import keras

    from tfdfkd import distill
    from tfdfkd import strategy as strategies
    from tfdfkd import teacher as teachers
    from tfdfkd.io_utils import atomic_path, write_json
    from tfdfkd.transfer_set import join

    parts = [_open_run_set(path) for path in FLAGS.transfer_set]  # finished, every shard intact
    transfer = parts[0] if len(parts) == 1 else join(parts)
    config = dataclasses.replace(config, method=transfer.manifest["method"], num_samples=len(transfer))

    strategy = strategies.get(config.strategy)
    with strategy.scope():
        teacher = teachers.load(config.teacher)
        student = pipeline.build_student(config, teacher)
    if tuple(transfer.manifest["image_shape"]) != teacher.input_shape:
        raise TfdfkdError(f"the transfer set holds {tuple(transfer.manifest['image_shape'])} images, the teacher takes {teacher.input_shape}",
                          "pass the teacher the transfer set was synthesized from")
    eval_name, eval_set = pipeline.eval_set_for(config, teacher)
    if eval_set is None:
        raise TfdfkdError(f"no dataset to measure {config.teacher} on", "pass --eval_dataset")

    steps = -(-len(transfer) // config.distill_batch_size) * config.distill_epochs
    distiller = pipeline.make_distiller(config, strategy, teacher, student, steps, final=True)
    started = time.time()
    distiller.fit(pipeline.training_data(config, transfer, config.seed), epochs=config.distill_epochs, shuffle=False,
                  callbacks=[distill.EvalAccuracy(student, eval_set.images, eval_set.labels), keras.callbacks.TerminateOnNaN(),
                             *([distill.WeightAverage(student, config.distill_epochs, config.distill_average_epochs)]
                               if config.distill_average_epochs else [])])
    seconds = time.time() - started
    if FLAGS.save_student is not None:  # before the record, which marks the run finished
        with atomic_path(FLAGS.save_student) as tmp:
            student.save(tmp)
    write_json(FLAGS.out, {
        "method": config.method,
        "num_samples": len(transfer),
        "transfer_set": ",".join(FLAGS.transfer_set),
        "teacher": config.teacher,
        "student": config.student,
        "eval_dataset": eval_name,
        "teacher_accuracy": distill.accuracy(teacher.logits_model, eval_set.images, eval_set.labels),
        "student_accuracy": distill.accuracy(student, eval_set.images, eval_set.labels),
        "synthesis_seconds": transfer.manifest.get("synthesis_seconds"),  # of the stored set, not spent here
        "distill_seconds": round(seconds, 1),
        "seed": config.seed,
        "student_file": FLAGS.save_student,  # None unless kept
        "command": " ".join(["python", "tools/redistill.py"] + sys.argv[1:]),
        "commit": commit,
        "config": {k: v for k, v in config.to_json().items() if k.startswith("distill_") or k in ("student", "seed")},
    })
    print(f"{config.method} transfer set ({len(transfer)} images): student test accuracy "
          f"{distill.accuracy(student, eval_set.images, eval_set.labels):.4f} after {seconds:.0f} s; record in {FLAGS.out}")


def _open_run_set(path: str):
    """The finished transfer set of a run's --out (or of its transfer_set/ directory)."""
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import read_json
    from tfdfkd.transfer_set import MANIFEST, open_finished

    directory = os.path.join(path, "transfer_set") if os.path.exists(os.path.join(path, "transfer_set", MANIFEST)) else path
    if not os.path.exists(os.path.join(directory, MANIFEST)):
        raise TfdfkdError(f"{path} holds no transfer set ({MANIFEST} not found)",
                          "pass a tools/distill.py run's --out, or its transfer_set/ directory")
    run_config = os.path.join(os.path.dirname(os.path.abspath(directory)), "config.json")
    made_by = read_json(run_config).get("teacher") if os.path.isfile(run_config) else None
    if made_by is not None and made_by != FLAGS.teacher:  # allowed (one teacher's images, another's targets), but rarely meant
        print(f"note: the images in {path} were synthesized from {made_by}; the targets now come from --teacher={FLAGS.teacher}")
    return open_finished(directory)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
