"""Speed of the shader method's distillation step (Frank & Davis): milliseconds per step.

    python tools/bench_shader_step.py --cache=runs/shader_cache_32_grey --out=tools/bench/shader_step.json

One step is what `tools/distill.py --method=shaders` runs per batch: mixup, the border attack,
the deeper attack and the student's update on every example (`AdversarialDistiller`), here on
teacher-balanced shader images without the tf.data augmentation (timed apart, as
`augment_ms_per_batch`, since it runs in the input pipeline). The border attack alone on the
same batches is timed too: it is most of the step on a CPU. One warm-up pass is excluded.
Writes a JSON record with the command and commit.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("teacher", "lenet5_fashion_mnist", "Zoo name, .keras file or SavedModel directory.")
flags.DEFINE_string("student", "lenet5_half", "Student architecture.")
flags.DEFINE_string("cache", "runs/shader_cache_32_grey", "Shader cache at the teacher's resolution (tools/render_shaders.py).")
flags.DEFINE_integer("batch_size", 128, "Images per step (the paper's and our flagfiles': 128).", lower_bound=1)
flags.DEFINE_integer("steps", 30, "Distinct batches; the timed distillation pass runs them three times over.", lower_bound=1)
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored"], "tf.distribute strategy (tools/distill.py's default: mirrored).")
flags.DEFINE_string("out", None, "Where to write the JSON record (default: print only).")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(bench, resumable=False)


def bench():
    import keras
    import tensorflow as tf

    from tfdfkd import attacks, models, synthesis, teacher
    from tfdfkd import strategy as strategies
    from tfdfkd.augment import ShaderAugmentation
    from tfdfkd.io_utils import check_record_path, write_benchmark

    check_record_path(FLAGS.out)  # before the work, not after it

    strategy = strategies.get(FLAGS.strategy)
    with strategy.scope():
        t = teacher.load(FLAGS.teacher)
    synth = synthesis.create("shaders", t, strategy, cache=FLAGS.cache)
    batches = [synth.synthesize(FLAGS.batch_size, seed) for seed in range(FLAGS.steps)]
    data = tf.data.Dataset.from_tensor_slices(([b.images for b in batches], [b.targets for b in batches])).cache()

    def timed(run, steps=FLAGS.steps):
        run()  # warm-up: tracing
        start = time.time()
        run()
        return (time.time() - start) / steps * 1000

    with strategy.scope():
        distiller = synth.distiller(models.build(FLAGS.student, t.input_shape, t.num_classes), temperature=20.0)
        distiller.compile(optimizer=keras.optimizers.SGD(0.01, momentum=0.9))
    step_ms = timed(lambda: distiller.fit(data.repeat(3), epochs=1, verbose=0), 3 * FLAGS.steps)  # fit's own start-up amortised

    cfg = synth.config
    attack = tf.function(lambda x, goal: attacks.border_attack(
        t.logits_model, x, goal, eps=cfg.border_eps / 255, step=cfg.border_step / 255, max_iterations=cfg.border_iterations,
        threshold=cfg.threshold).kept)
    goals = [tf.argmax(b.targets, axis=-1) for b in batches]
    kept = []
    attack_ms = timed(lambda: kept.extend(float(tf.reduce_mean(tf.cast(attack(b.images, g), tf.float32)))
                                          for b, g in zip(batches, goals)))

    augment = ShaderAugmentation(cfg.augment, num_ops=cfg.randaugment_ops, magnitude=cfg.randaugment_magnitude,
                                 crop_padding=cfg.crop_padding, seed=0)
    augment_step = tf.function(lambda x: augment(x, training=True))
    augment_ms = timed(lambda: [augment_step(b.images) for b in batches])

    record = {
        "benchmark": "shader_distillation_step",
        "teacher": FLAGS.teacher,
        "student": FLAGS.student,
        "batch_size": FLAGS.batch_size,
        "steps": FLAGS.steps,
        "ms_per_step": round(step_ms, 1),
        "border_attack_ms_per_batch": round(attack_ms, 1),
        "border_attack_kept": round(sum(kept[-FLAGS.steps:]) / FLAGS.steps, 3),
        "augment_ms_per_batch": round(augment_ms, 1),
        "strategy": FLAGS.strategy,
        "replicas": strategy.num_replicas_in_sync,
        "load_average": os.getloadavg()[0],
    }
    write_benchmark(record, FLAGS.out)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
