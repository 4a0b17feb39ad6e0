"""Averages the weights of several distilled students into one (a uniform model soup, tfdfkd.soup).

    python tools/soup.py --members=runs/second_round,runs/soup/seed2.json,runs/soup/seed3.json \
        --out=runs/soup.json --save_student=runs/soup.keras

A member is a finished tools/distill.py run (its --out: metrics.json and student.keras) or a
tools/redistill.py record written with --save_student. The members must share teacher, test set
and architecture, and should start from the same weights (the same student, distilled with
different seeds): students from different starts do not average into a good one. Every member is
kept uniformly; none is chosen by its test accuracy, which a data-free user could not measure.
--out is a JSON record with the metrics.json keys (the members' method and set size, the
teacher's and the soup's accuracy, the members' seconds added up), each member's accuracy, the
command and the commit. Errors are one line with exit status 2.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_list("members", None, "Two or more tools/distill.py run directories or tools/redistill.py records "
                  "(written with --save_student), comma-separated.", required=True)
flags.DEFINE_string("out", None, "The JSON record to write (must not exist).", required=True)
flags.DEFINE_string("save_student", None, "Also keep the soup as this .keras file (must not exist).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")


def main(argv):
    from tfdfkd.cli import run_cli

    run_cli(make_soup, resumable=False)


def make_soup():
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import check_new_keras_file, git_commit, refuse_existing_record

    refuse_existing_record(FLAGS.out)
    check_new_keras_file(FLAGS.save_student)
    if len(FLAGS.members) < 2:
        raise TfdfkdError(f"--members names {len(FLAGS.members)} student, a soup needs at least 2", "pass two or more, comma-separated")
    members = [_member(path) for path in FLAGS.members]
    for key in ("teacher", "eval_dataset", "method"):
        values = {m[0].get(key) for m in members}
        if len(values) > 1:
            raise TfdfkdError(f"the members disagree on {key}: {sorted(map(str, values))}", f"soup students of one {key}")
    if members[0][0].get("eval_dataset") is None:
        raise TfdfkdError("the members record no test set", "soup students whose runs measured them on a test set")
    commit = git_commit()

    from tfdfkd import data, distill, soup
    from tfdfkd import teacher as teachers
    from tfdfkd.io_utils import atomic_path, write_json

    students = [teachers.load_keras_model(student_file) for _, student_file in members]
    test = data.load(members[0][0]["eval_dataset"], "test", data_dir=FLAGS.data_dir)
    accuracies = [distill.accuracy(s, test.images, test.labels) for s in students]
    mixed = students[0]  # holds the soup from here on (its own accuracy is measured above)
    mixed.set_weights(soup.soup_weights(students))
    accuracy = distill.accuracy(mixed, test.images, test.labels)
    if FLAGS.save_student is not None:
        with atomic_path(FLAGS.save_student) as tmp:
            mixed.save(tmp)
    first = members[0][0]
    write_json(FLAGS.out, {
        "method": first["method"],
        "num_samples": first["num_samples"],
        "teacher": first["teacher"],
        "eval_dataset": first["eval_dataset"],
        "teacher_accuracy": first["teacher_accuracy"],
        "student_accuracy": accuracy,
        "synthesis_seconds": first.get("synthesis_seconds"),  # of the first member's set, not spent here
        "distill_seconds": round(sum(m[0]["distill_seconds"] for m in members), 1),  # all members'
        "members": [{"path": path, "student_accuracy": a, "num_samples": m[0]["num_samples"], "seed": m[0].get("seed")}
                    for path, m, a in zip(FLAGS.members, members, accuracies)],
        "mean_member_accuracy": sum(accuracies) / len(accuracies),
        "student_file": FLAGS.save_student,
        "command": " ".join(["python", "tools/soup.py"] + sys.argv[1:]),
        "commit": commit,
    })
    print(f"soup of {len(students)} students: test accuracy {accuracy:.4f} (members "
          + ", ".join(f"{a:.4f}" for a in accuracies) + f"); record in {FLAGS.out}")


def _member(path: str) -> tuple[dict, str]:
    """(record, student .keras file) of a run directory or a redistill record."""
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import read_json

    if os.path.isdir(path):
        record_path, student_file = os.path.join(path, "metrics.json"), os.path.join(path, "student.keras")
        if not (os.path.isfile(record_path) and os.path.isfile(student_file)):
            raise TfdfkdError(f"{path} is not a finished tools/distill.py run (no metrics.json or student.keras)",
                              "pass the --out of a run that completed")
        return read_json(record_path), student_file
    if not os.path.isfile(path):
        raise TfdfkdError(f"member {path} does not exist", "pass run directories or tools/redistill.py records")
    try:
        record = read_json(path)
    except ValueError:
        raise TfdfkdError(f"member {path} is not a JSON record", "pass run directories or tools/redistill.py records") from None
    student_file = record.get("student_file")
    if not student_file or not os.path.isfile(student_file):
        raise TfdfkdError(f"{path} keeps no student ({student_file or 'no student_file'})",
                          "rerun tools/redistill.py with --save_student, or pass a run directory")
    return record, student_file


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
