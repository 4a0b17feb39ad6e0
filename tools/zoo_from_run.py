"""Publishes the student of a finished tools/distill.py run as a zoo entry, with its card.

    python tools/zoo_from_run.py --run=runs/di_fashion_mnist_adaptive_deepinversion_tv_fourier_mixup_25600 \
        --name=lenet5_half_adi_round1_fashion_mnist --architecture=lenet5_half

A data-free student in the zoo is a starting point that outlives the run's directory: a later
round of a method that plays against its student (`--student=<name>`), or a ready small model.
The card records how the run made it (its command, commit, configuration, synthesis and
distillation seconds; no training image was used) and the test accuracy measured again here on
the rebuilt architecture that holds the weights it writes, which must agree with the run's
metrics.json. Refuses an existing entry. With --interleaved it publishes the run's
interleaved_student.keras instead (runs that train the student while they synthesize), checked
against the run's interleaved_student_accuracy.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("run", None, "A finished tools/distill.py --out (with student.keras and metrics.json).", required=True)
flags.DEFINE_string("name", None, "The zoo entry's name, e.g. lenet5_half_adi_round1_fashion_mnist.", required=True)
flags.DEFINE_string("architecture", None, "The student's architecture (tfdfkd.models.ARCHITECTURES).", required=True)
flags.DEFINE_bool("interleaved", False, "Publish the run's interleaved_student.keras (the student when an interleaved "
                  "synthesis ended, before the final distillation; checked against interleaved_student_accuracy) "
                  "instead of student.keras.")
flags.DEFINE_string("zoo_dir", None, "Output directory (default: the zoo tfdfkd.zoo reads).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")


def main(argv):
    from tfdfkd.cli import run_cli

    run_cli(publish, resumable=False)


# which of a run's students is published, and what its card and errors say about it
PUBLISHED = {
    False: {"student": "student.keras", "accuracy_key": "student_accuracy", "run_kind": "", "how": ""},
    True: {"student": "interleaved_student.keras", "accuracy_key": "interleaved_student_accuracy",
           "run_kind": " with interleaved synthesis",
           "how": ", the student when the interleaved synthesis ended (before the run's final distillation)"},
}


def publish():
    from tfdfkd import zoo
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import check_writable, read_json

    zoo_dir = FLAGS.zoo_dir or zoo.ZOO_DIR
    card_path, weights_name = os.path.join(zoo_dir, FLAGS.name + ".json"), FLAGS.name + ".weights.h5"
    check_writable(card_path, "--zoo_dir")
    if os.path.exists(card_path) or os.path.exists(os.path.join(zoo_dir, weights_name)):
        raise TfdfkdError(f"zoo entry {FLAGS.name!r} exists in {zoo_dir}", "choose another --name, or delete its card and weights first")
    published = PUBLISHED[FLAGS.interleaved]
    student_name, accuracy_key = published["student"], published["accuracy_key"]
    metrics_path, student_path = (os.path.join(FLAGS.run, f) for f in ("metrics.json", student_name))
    if not (os.path.isfile(metrics_path) and os.path.isfile(student_path)):
        raise TfdfkdError(f"{FLAGS.run} is not a finished tools/distill.py run (no metrics.json or {student_name})",
                          "pass the --out of a run that completed" + published["run_kind"])
    metrics = read_json(metrics_path)
    if metrics.get("eval_dataset") is None or metrics.get(accuracy_key) is None:
        raise TfdfkdError(f"{metrics_path} records no test accuracy ({accuracy_key})",
                          "publish a run that measured its student on a test set")

    from tfdfkd import data, distill, models
    from tfdfkd import teacher as teachers
    from tfdfkd.io_utils import atomic_path, git_commit, sha256_of, write_json

    trained = teachers.load_keras_model(student_path)
    model = models.build(FLAGS.architecture, trained.input_shape[1:], int(trained.output_shape[-1]))
    try:
        model.set_weights(trained.get_weights())
    except ValueError as e:
        raise TfdfkdError(f"the student in {student_path} is not a {FLAGS.architecture} ({e})",
                          f"pass the run's student architecture (config.json: {metrics['config'].get('student')})") from None
    test = data.load(metrics["eval_dataset"], "test", data_dir=FLAGS.data_dir)
    accuracy = distill.accuracy(model, test.images, test.labels)
    if abs(accuracy - metrics[accuracy_key]) > 1e-3:
        raise TfdfkdError(f"the student measures {accuracy:.4f} here, the run recorded {metrics[accuracy_key]:.4f}",
                          f"publish the run's own {student_name}, unchanged")

    weights_path = os.path.join(zoo_dir, weights_name)
    with atomic_path(weights_path) as tmp:
        model.save_weights(tmp)
    write_json(card_path, {
        "name": FLAGS.name,
        "architecture": FLAGS.architecture,
        "dataset": metrics["eval_dataset"],
        "input_shape": list(model.input_shape[1:]),
        "num_classes": int(model.output_shape[-1]),
        "parameters": int(model.count_params()),
        **({"architecture_note": models.ARCHITECTURE_NOTES[FLAGS.architecture]} if FLAGS.architecture in models.ARCHITECTURE_NOTES else {}),
        "weights": weights_name,
        "sha256": sha256_of(weights_path),
        "test_accuracy": accuracy,
        "test_examples": len(test.labels),
        "train_examples": 0,  # data-free: distilled on synthesized images only
        "recipe": {
            "how": f"data-free: distilled from {metrics['teacher']} by {metrics['method']} on {metrics['num_samples']} "
                   "synthesized images" + published["how"] + "; no training image was used",
            "teacher": metrics["teacher"],
            "teacher_accuracy": metrics["teacher_accuracy"],
            "config": metrics["config"],
            "synthesis_seconds": metrics["synthesis_seconds"],
            # an interleaved student's distillation ran inside synthesis; the run's final one is not in it
            **({"distill_seconds": 0.0, "run_final_distill_seconds": metrics["distill_seconds"]} if FLAGS.interleaved
               else {"distill_seconds": metrics["distill_seconds"]}),
            "interleaved_student_accuracy": metrics.get("interleaved_student_accuracy"),
            "published_student": student_name,  # interleaved_student.keras: before the run's final distillation
        },
        "command": metrics["command"],
        "commit": metrics["commit"],
        "published_by": {"command": " ".join(["python", "tools/zoo_from_run.py"] + sys.argv[1:]), "commit": git_commit()},
    })
    print(f"zoo entry {FLAGS.name}: {accuracy:.4f} on {metrics['eval_dataset']} test; {card_path}")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
