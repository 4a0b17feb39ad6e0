"""Universal adversarial perturbations for a teacher, learned from a transfer set instead of its data.

    python tools/uap.py --flagfile=tools/flags/uap_fashion_mnist_early_teacher_impressions.flags

Trains a UAP generator (tfdfkd.uap: AAA's fooling and diversity losses, as the Data Impressions
paper does in sec. 4.4) on --images, then measures the fooling rate of --samples perturbations
from it on the real test set (the share of test images whose predicted class a perturbation
changes). --images takes what --proxy takes (tfdfkd.proxy): a finished run's transfer_set/
directory (Data or Class Impressions), `fashion_mnist` (the real training images: the
data-driven reference), `noise`, ... Writes one JSON record to --out, atomically, never over an
existing file.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("teacher", None, "Zoo name, .keras file or SavedModel directory.", required=True)
flags.DEFINE_string("images", None, "Images the generator learns on (a transfer_set/ directory, fashion_mnist, noise, ...; "
                    "see tfdfkd.proxy).", required=True)
flags.DEFINE_string("out", None, "Where to write the JSON record.", required=True)
flags.DEFINE_float("eps", 10 / 255, "L-inf radius of the perturbations on pixels in [0, 1] (the paper: 10 on 0..255).", lower_bound=0.0)
flags.DEFINE_integer("steps", 2000, "Generator updates.", lower_bound=1)
flags.DEFINE_integer("batch_size", 32, "Images (and latent vectors) per update (the paper: 32).", lower_bound=1)
flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate of the generator.", lower_bound=0.0)
flags.DEFINE_float("diversity_weight", 1.0, "Weight of the diversity term (0: fooling loss only).", lower_bound=0.0)
flags.DEFINE_integer("samples", 10, "Perturbations drawn from the trained generator and measured.", lower_bound=1)
flags.DEFINE_string("eval_dataset", None, "Labelled dataset whose test split is fooled (default: the zoo teacher's).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_integer("seed", 0, "Seeds the generator, its latent draws and the image order.", lower_bound=0)


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(attack, resumable=False)  # a short run that writes one record at the end


def attack():
    import keras
    import numpy as np

    from tfdfkd import data, proxy, teacher, uap, zoo
    from tfdfkd.distill import accuracy
    from tfdfkd.io_utils import git_commit, refuse_existing_record, write_json
    from tfdfkd.pipeline import check_eval_set

    commit = git_commit()
    refuse_existing_record(FLAGS.out)
    model = teacher.load(FLAGS.teacher)
    eval_dataset = zoo.eval_dataset_for(FLAGS.teacher, FLAGS.eval_dataset)
    images = proxy.load(FLAGS.images, model.input_shape, seed=FLAGS.seed).astype("float32") / 255.0
    test = data.load(eval_dataset, "test", FLAGS.data_dir)
    check_eval_set(eval_dataset, test, model)
    print(f"training a UAP generator on {len(images)} images from {FLAGS.images}, eps {FLAGS.eps:.4f}")
    start = time.time()
    trained = uap.train_generator(model.logits_model, images, FLAGS.eps, steps=FLAGS.steps, batch_size=FLAGS.batch_size,
                                  learning_rate=FLAGS.learning_rate, diversity_weight=FLAGS.diversity_weight,
                                  seed=FLAGS.seed, progress=keras.utils.Progbar(FLAGS.steps))
    train_seconds = time.time() - start
    perturbations = trained.sample(FLAGS.samples, seed=FLAGS.seed)
    rates, under_attack = uap.measure(model.logits_model, test.images, test.labels, perturbations)
    record = {
        "method": "uap", "images": FLAGS.images, "num_samples": len(images), "teacher": FLAGS.teacher,
        "eval_dataset": eval_dataset, "teacher_accuracy": round(accuracy(model.logits_model, test.images, test.labels), 4),
        "student_accuracy": None,  # no student: the teacher is attacked
        "eps": FLAGS.eps, "steps": FLAGS.steps, "batch_size": FLAGS.batch_size, "diversity_weight": FLAGS.diversity_weight,
        "fooling_rates": [round(r, 4) for r in rates], "fooling_rate_mean": round(float(np.mean(rates)), 4),
        "fooling_rate_best": round(float(np.max(rates)), 4),
        "teacher_accuracy_under_uap_mean": round(float(np.mean(under_attack)), 4),
        "loss_every_100_steps": [round(v, 4) for v in trained.losses], "train_seconds": round(train_seconds, 1),
        "command": " ".join(["python", "tools/uap.py"] + sys.argv[1:]), "commit": commit,
    }
    write_json(FLAGS.out, record)
    print(f"fooling rate on the {eval_dataset} test set: mean {record['fooling_rate_mean']:.4f}, best "
          f"{record['fooling_rate_best']:.4f} over {FLAGS.samples} perturbations (eps {FLAGS.eps:.4f})")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
