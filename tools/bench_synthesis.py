"""Synthesis throughput (image-iterations per second) of a method's compiled loop.

    python tools/bench_synthesis.py --teacher=lenet5_fashion_mnist --method=zskd --out=tools/bench/synthesis_zskd.json
    python tools/bench_synthesis.py --teacher=lenet5_bn_fashion_mnist --method=deepinversion --batch_size=256 \
        --eager_baseline --out=tools/bench/synthesis_deepinversion.json

Times `synthesize(batch_size, seed)` after one warm-up call (tracing excluded) and writes a
JSON record with the command and commit. `--eager_baseline` also times the same loop with every
`tf.function` run eagerly (`tf.config.run_functions_eagerly`), the speed of a plain Python loop.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("teacher", "lenet5_fashion_mnist", "Zoo name, .keras file or SavedModel directory.")
flags.DEFINE_string("method", "zskd", "Synthesis method.")
flags.DEFINE_integer("batch_size", 500, "Images per synthesize() call.", lower_bound=1)
flags.DEFINE_integer("iterations", 200, "Optimisation steps per image.", lower_bound=1)
flags.DEFINE_integer("repeats", 3, "Timed calls.", lower_bound=1)
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored", "multi_worker", "tpu"], "tf.distribute strategy "
                  "(multi_worker: every worker runs this command with its TF_CONFIG; the chief writes --out).")
flags.DEFINE_list("synth_settings", ["learning_rate=0.1", "clip=true"], "Method settings as key=value.")
flags.DEFINE_bool("eager_baseline", False, "Also time the loop with tf.functions run eagerly.")
flags.DEFINE_integer("eager_iterations", 20, "Iterations per image for the (slow) eager baseline.", lower_bound=1)
flags.DEFINE_string("out", None, "Where to write the JSON record (default: print only).")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(bench, resumable=False)


def bench():
    from tfdfkd import strategy as strategies
    from tfdfkd import synthesis, teacher
    from tfdfkd.io_utils import check_record_path, write_benchmark

    check_record_path(FLAGS.out)  # before the work, not after it

    strategy = strategies.get(FLAGS.strategy)
    with strategy.scope():
        t = teacher.load(FLAGS.teacher)
    import tensorflow as tf

    settings = dict(synthesis.parse_settings(FLAGS.method, FLAGS.synth_settings))

    def throughput(iterations, repeats):
        synth = synthesis.create(FLAGS.method, t, strategy, **{**settings, "iterations": iterations})
        if synth.needs_student():
            from tfdfkd import models

            synth.update(models.build("lenet5_half", t.input_shape, t.num_classes))
        synth.synthesize(FLAGS.batch_size, 0)
        start = time.time()
        for seed in range(1, repeats + 1):
            synth.synthesize(FLAGS.batch_size, seed)
        seconds = time.time() - start
        return repeats * FLAGS.batch_size * iterations / seconds, seconds

    rate, seconds = throughput(FLAGS.iterations, FLAGS.repeats)
    extra = {}
    if FLAGS.eager_baseline:
        tf.config.run_functions_eagerly(True)
        eager_rate, eager_seconds = throughput(FLAGS.eager_iterations, 1)
        tf.config.run_functions_eagerly(False)
        extra = {"eager_image_iterations_per_second": round(eager_rate), "eager_seconds": round(eager_seconds, 2),
                 "eager_iterations": FLAGS.eager_iterations, "speedup_over_eager": round(rate / eager_rate, 2)}
    record = {
        "benchmark": "synthesis_throughput",
        "method": FLAGS.method,
        "teacher": FLAGS.teacher,
        "batch_size": FLAGS.batch_size,
        "iterations": FLAGS.iterations,
        "image_iterations_per_second": round(rate),
        "seconds": round(seconds, 2),
        **extra,
        "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()},
        "strategy": FLAGS.strategy,
        "replicas": strategy.num_replicas_in_sync,
        "load_average": os.getloadavg()[0],
    }
    write_benchmark(record, FLAGS.out if strategies.is_chief(strategy) else None)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
