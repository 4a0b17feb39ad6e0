"""Adversarial robustness of a distilled student and its teacher (Data Impressions paper, Table 4).

    python tools/robustness.py --flagfile=tools/flags/robustness_zskd_fashion_mnist_robust_teacher_quick.flags
    python tools/robustness.py --run=runs/zskd_fashion_mnist_early_teacher_quick --out=robustness.json

Reads a finished `tools/distill.py` run (--run: its student.keras, its teacher and eval set) and
measures both models on the test set: natural accuracy, and accuracy and fooling rate under FGSM,
iFGSM and PGD of radius --eps (tfdfkd.robustness). Writes one JSON record (the run's method,
sizes and accuracies, both models' figures, the command and commit) to --out, atomically; an existing --out is never overwritten.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("run", None, "A finished tools/distill.py output directory (--out of that run).", required=True)
flags.DEFINE_string("out", None, "Where to write the JSON record.", required=True)
flags.DEFINE_float("eps", 0.1, "L-inf radius of the attacks, on pixels in [0, 1] (the paper does not state its own).", lower_bound=0.0)
flags.DEFINE_integer("iterations", 10, "Steps of iFGSM and PGD (each 2.5 * eps / iterations).", lower_bound=1)
flags.DEFINE_string("eval_dataset", None, "Labelled test set (default: the run's).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_integer("seed", 0, "Seeds PGD's random starts.", lower_bound=0)


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(measure, resumable=False)  # a short run that writes one record at the end


def measure():
    from tfdfkd import data, robustness, teacher
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import (
        git_commit,
        read_json,
        refuse_existing_record,
        write_json,
    )
    from tfdfkd.pipeline import check_eval_set

    commit = git_commit()
    refuse_existing_record(FLAGS.out)
    metrics_path, student_path = os.path.join(FLAGS.run, "metrics.json"), os.path.join(FLAGS.run, "student.keras")
    if not (os.path.isfile(metrics_path) and os.path.isfile(student_path)):
        raise TfdfkdError(f"--run={FLAGS.run} is not a finished tools/distill.py run (no metrics.json and student.keras)",
                          "pass the --out directory of a run that completed, or finish it by running its command again")
    try:
        run = read_json(metrics_path)
    except ValueError as e:
        raise TfdfkdError(f"{metrics_path} is not valid JSON ({e})", "run that run's command again into a new --out") from None
    eval_dataset = FLAGS.eval_dataset or run.get("eval_dataset")
    if not eval_dataset:
        raise TfdfkdError(f"the run in {FLAGS.run} measured no eval set", "pass --eval_dataset=fashion_mnist (or another)")
    test = data.load(eval_dataset, "test", FLAGS.data_dir)
    run_teacher = teacher.load(run["teacher"])
    check_eval_set(eval_dataset, test, run_teacher)
    models = {"teacher": run_teacher.logits_model, "student": teacher.load_keras_model(student_path)}
    start = time.time()
    figures = {}
    for role, model in models.items():
        figures[role] = robustness.evaluate(model, test.images, test.labels, FLAGS.eps, FLAGS.iterations, seed=FLAGS.seed)
        print(f"{role}: natural {figures[role]['natural_accuracy']:.4f}; " + "; ".join(
            f"{name} {figures[role][name]['accuracy']:.4f} (fooling rate {figures[role][name]['fooling_rate']:.4f})"
            for name in robustness.ATTACKS))
    record = {key: run.get(key) for key in ("method", "num_samples", "teacher", "student", "teacher_accuracy",
                                            "student_accuracy", "synthesis_seconds", "distill_seconds")}
    if eval_dataset != run.get("eval_dataset"):  # the run's accuracies are on another dataset: these are on this one
        record.update(teacher_accuracy=figures["teacher"]["natural_accuracy"], student_accuracy=figures["student"]["natural_accuracy"],
                      run_eval_dataset=run.get("eval_dataset"))
    record.update({"run": FLAGS.run, "run_command": run.get("command"), "run_commit": run.get("commit"),
                   "eval_dataset": eval_dataset, "teacher_robustness": figures["teacher"],
                   "student_robustness": figures["student"], "robustness_seconds": round(time.time() - start, 1),
                   "command": " ".join(["python", "tools/robustness.py"] + sys.argv[1:]), "commit": commit})
    write_json(FLAGS.out, record)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
