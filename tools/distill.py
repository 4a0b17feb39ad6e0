"""Data-free distillation of a teacher into a student, from the command line.

    python tools/distill.py --flagfile=tools/flags/zskd_fashion_mnist_quick.flags

Synthesizes a transfer set from the teacher alone (--method), distills the student on it and
writes to --out: student/ (SavedModel), student.keras, metrics.json, samples.png, config.json,
flags.txt (replayable with --flagfile), tensorboard/ and transfer_set/ (and, for runs that train
the student while they synthesize, interleaved_student.keras). Run the same command
again to resume a killed run. Errors are one line on stderr with exit status 2.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

from tfdfkd.cli import define_distill_flags, distill_flag_values
from tfdfkd.method_names import METHODS

FLAGS = flags.FLAGS
flags.DEFINE_string("teacher", None, "Zoo name, .keras file or SavedModel directory.", required=True)
flags.DEFINE_string("student", "lenet5_half", "Architecture name (tfdfkd.models.ARCHITECTURES), zoo entry (its weights: a later round) or .keras file.")
flags.DEFINE_string("method", "zskd", "Synthesis method: " + ", ".join(METHODS) + ".")
flags.DEFINE_integer("num_samples", 24000, "Transfer-set size.")
flags.DEFINE_string("eval_dataset", None, "Labelled dataset whose test split measures accuracy (default: the zoo teacher's).")
flags.DEFINE_string("out", None, "Output directory.", required=True)
flags.DEFINE_integer("seed", 0, "Seeds synthesis, student initialisation and shuffling.")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored", "multi_worker", "tpu"], "tf.distribute strategy "
                  "(multi_worker: run this command on every worker, each with its TF_CONFIG; only the chief writes --out).")

flags.DEFINE_string("proxy", None, "Proxy images for --method=proxy, dcgan, degan: a shader cache or image directory "
                    "(png/jpg, .npy/.npz), an .npy/.npz file, digits, fashion_mnist:<class ids> (training images of "
                    "those classes, e.g. fashion_mnist:0,1) or noise; resized to the teacher's input (tfdfkd.proxy).")
flags.DEFINE_integer("synth_batch_size", 100, "Images optimised together (global batch across replicas).")
flags.DEFINE_integer("synth_iterations", None, "Optimisation steps per image (method default: ZSKD 1,500).")
flags.DEFINE_float("synth_learning_rate", None, "Adam learning rate on the pixels (method default).")
flags.DEFINE_float("synth_tau", None, "Softmax temperature of synthesis (method default: 20).")
flags.DEFINE_list("synth_betas", None, "Dirichlet scaling factors, e.g. 1.0,0.1 (zskd).")
flags.DEFINE_bool("synth_clip", None, "Clip pixels to [0, 1] after every step.")
flags.DEFINE_list("synth_settings", [], "Any other setting of the method's config as key=value, e.g. "
                  "feature_weight=10,tv_l2_weight=1e-4 (see tfdfkd.synthesis.<method>.Config).")

define_distill_flags(batch_size=512, learning_rate=0.01, tau=20.0, augment_fraction=0.9,  # ZSKD's
                     stored_images_only=" Not for shaders (own mixup and attacks) or degan.",
                     epochs_note=" 0 keeps the student trained alongside synthesis (adaptive_deepinversion, or --interleave) "
                     "as the result.")
flags.DEFINE_bool("distill_cosine", True, "Cosine decay of the student's learning rate.")
flags.DEFINE_enum("distill_optimizer", "adam", ["adam", "sgd"], "Student optimiser (ZSKD: adam; shaders paper: sgd).")
flags.DEFINE_float("distill_momentum", 0.9, "SGD momentum (shaders paper: 0.9).")
flags.DEFINE_float("distill_weight_decay", 0.0, "Keras's decoupled weight decay of the student (w -= lr * wd * w per step); "
                   "PyTorch SGD's 1e-4 at momentum 0.9 is about 1e-3 here.")
flags.DEFINE_integer("interleave_steps", 50, "Methods that adapt to the student (adaptive_deepinversion): distillation "
                     "steps between new batches (DeepInversion: 50).")
flags.DEFINE_bool("interleave", False, "Distill on the growing transfer set while it is synthesized (as adaptive_deepinversion "
                  "always does), for methods that do not adapt to the student. Not for shaders or degan.")

_SYNTH_FLAGS = {"synth_iterations": "iterations", "synth_learning_rate": "learning_rate", "synth_tau": "tau",
                "synth_betas": "betas", "synth_clip": "clip"}


def _floats(flag, values):
    from tfdfkd.errors import TfdfkdError

    try:
        return tuple(float(v) for v in values)
    except ValueError:
        raise TfdfkdError(f"--{flag}={','.join(values)} is not a list of numbers", f"write it like --{flag}=1.0,0.1") from None


def main(argv):
    from tfdfkd.cli import run_cli

    run_cli(distill)


def distill():
    import dataclasses

    from tfdfkd import pipeline
    from tfdfkd.method_names import check_method

    common = []  # the --synth_* flags every method takes: checked before TensorFlow loads (seconds)
    for flag, field in _SYNTH_FLAGS.items():
        value = FLAGS[flag].value
        if value is not None:
            common.append((field, _floats(flag, value) if flag == "synth_betas" else value))
    config = pipeline.RunConfig(
        teacher=FLAGS.teacher, student=FLAGS.student, out=FLAGS.out, method=FLAGS.method, num_samples=FLAGS.num_samples,
        seed=FLAGS.seed, eval_dataset=FLAGS.eval_dataset, data_dir=FLAGS.data_dir, strategy=FLAGS.strategy,
        synth_batch_size=FLAGS.synth_batch_size, synth_settings=tuple(common), **distill_flag_values(),
        distill_cosine=FLAGS.distill_cosine, interleave_steps=FLAGS.interleave_steps, interleave=FLAGS.interleave,
        distill_optimizer=FLAGS.distill_optimizer, distill_momentum=FLAGS.distill_momentum,
        distill_weight_decay=FLAGS.distill_weight_decay, proxy=FLAGS.proxy)
    pipeline.check_numbers(config)
    check_method(FLAGS.method)

    from tfdfkd import synthesis  # loads TensorFlow

    method_settings = synthesis.parse_settings(FLAGS.method, FLAGS.synth_settings)
    config = dataclasses.replace(config, synth_settings=method_settings + tuple(common))
    command = " ".join(["python", "tools/distill.py"] + sys.argv[1:])
    # flags.txt travels with the run's other outputs (under multi_worker, only the chief's are kept)
    metrics = pipeline.run(config, command=command, extra_files={"flags.txt": FLAGS.flags_into_string()})
    teacher_acc, student_acc = metrics["teacher_accuracy"], metrics["student_accuracy"]
    if student_acc is not None:
        print(f"{metrics['method']}: student test accuracy {student_acc:.4f} (teacher {teacher_acc:.4f}) on "
              f"{metrics['eval_dataset']}; {metrics['num_samples']} synthetic images; synthesis {metrics['synthesis_seconds']:.0f} s, "
              f"distillation {metrics['distill_seconds']:.0f} s; student exported to {os.path.join(FLAGS.out, 'student')}")
    else:
        print(f"{metrics['method']}: student exported to {os.path.join(FLAGS.out, 'student')} (no --eval_dataset, accuracy not measured)")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
