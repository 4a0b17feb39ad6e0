"""Synthesis throughput (image-iterations per second) of a method's compiled loop.

    python tools/bench_synthesis.py --teacher=lenet5_fashion_mnist --method=zskd --out=tools/flags/bench_synthesis.json

Times `synthesize(batch_size, seed)` after one warm-up call (tracing excluded) and writes a
JSON record with the command and commit.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags  # noqa: E402

FLAGS = flags.FLAGS
flags.DEFINE_string("teacher", "lenet5_fashion_mnist", "Zoo name, .keras file or SavedModel directory.")
flags.DEFINE_string("method", "zskd", "Synthesis method.")
flags.DEFINE_integer("batch_size", 500, "Images per synthesize() call.")
flags.DEFINE_integer("iterations", 200, "Optimisation steps per image.")
flags.DEFINE_integer("repeats", 3, "Timed calls.")
flags.DEFINE_string("strategy", "mirrored", "tf.distribute strategy.")
flags.DEFINE_string("out", None, "Where to write the JSON record (default: print only).")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(bench)


def bench():
    import json

    from tfdfkd import strategy as strategies
    from tfdfkd import synthesis, teacher
    from tfdfkd.io_utils import git_commit, write_json

    strategy = strategies.get(FLAGS.strategy)
    with strategy.scope():
        t = teacher.load(FLAGS.teacher)
    synth = synthesis.create(FLAGS.method, t, strategy, iterations=FLAGS.iterations, learning_rate=0.1, clip=True)
    synth.synthesize(FLAGS.batch_size, 0)
    start = time.time()
    for seed in range(1, FLAGS.repeats + 1):
        synth.synthesize(FLAGS.batch_size, seed)
    seconds = time.time() - start
    record = {
        "benchmark": "synthesis_throughput",
        "method": FLAGS.method,
        "teacher": FLAGS.teacher,
        "batch_size": FLAGS.batch_size,
        "iterations": FLAGS.iterations,
        "image_iterations_per_second": round(FLAGS.repeats * FLAGS.batch_size * FLAGS.iterations / seconds),
        "seconds": round(seconds, 2),
        "cpu_count": os.cpu_count(),
        "command": " ".join(["python", "tools/bench_synthesis.py"] + sys.argv[1:]),
        "commit": git_commit(),
    }
    print(json.dumps(record, indent=2))
    if FLAGS.out:
        write_json(FLAGS.out, record)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
