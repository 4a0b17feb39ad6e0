"""Trains a zoo model on real data with the ZSKD recipe and writes its weights and card.

    python tools/train_teacher.py --flagfile=tools/flags/teacher_lenet5_fashion_mnist.flags

Recipe (ZSKD appendix): Adam, learning rate 1e-3, batch 512, cross-entropy; epochs as a flag.
The last epoch is the result: no checkpoint is picked with test data.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags  # noqa: E402

FLAGS = flags.FLAGS
flags.DEFINE_string("name", None, "Zoo entry name, e.g. lenet5_fashion_mnist.", required=True)
flags.DEFINE_string("architecture", "lenet5", "Architecture from tfdfkd.models.ARCHITECTURES.")
flags.DEFINE_string("dataset", "fashion_mnist", "Training dataset (tfdfkd.data.NAMES).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_integer("epochs", 200, "Training epochs (ZSKD: 200 for LeNet-5).")
flags.DEFINE_integer("batch_size", 512, "Batch size (ZSKD: 512).")
flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate (ZSKD: 1e-3).")
flags.DEFINE_integer("seed", 0, "Seeds initialisation and shuffling.")
flags.DEFINE_string("zoo_dir", None, "Output directory (default: the repository's zoo/).")
flags.DEFINE_string("recipe", "", "The flagfile this run came from, recorded in the card.")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(train)


def train():
    import keras

    from tfdfkd import data, models, zoo
    from tfdfkd.io_utils import atomic_path, git_commit, sha256_of, write_json

    zoo_dir = FLAGS.zoo_dir or zoo.ZOO_DIR
    train_set = data.load(FLAGS.dataset, "train", FLAGS.data_dir)
    test_set = data.load(FLAGS.dataset, "test", FLAGS.data_dir)
    model = models.build(FLAGS.architecture, train_set.images.shape[1:], train_set.num_classes, seed=FLAGS.seed)
    model.compile(keras.optimizers.Adam(FLAGS.learning_rate),
                  keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    start = time.time()
    model.fit(train_set.images, train_set.labels, batch_size=FLAGS.batch_size, epochs=FLAGS.epochs, verbose=2, shuffle=True)
    seconds = time.time() - start
    _, accuracy = model.evaluate(test_set.images, test_set.labels, batch_size=1024, verbose=0)
    weights = os.path.join(zoo_dir, FLAGS.name + ".weights.h5")
    with atomic_path(weights) as tmp:
        model.save_weights(tmp)
    card = {
        "name": FLAGS.name,
        "architecture": FLAGS.architecture,
        "dataset": FLAGS.dataset,
        "input_shape": list(train_set.images.shape[1:]),
        "num_classes": train_set.num_classes,
        "weights": os.path.basename(weights),
        "sha256": sha256_of(weights),
        "parameters": model.count_params(),
        "recipe": {"optimizer": "adam", "learning_rate": FLAGS.learning_rate, "batch_size": FLAGS.batch_size,
                   "loss": "cross-entropy on the real training labels", "epochs": FLAGS.epochs, "seed": FLAGS.seed,
                   "flagfile": FLAGS.recipe},
        "train_examples": len(train_set),
        "test_examples": len(test_set),
        "test_accuracy": round(float(accuracy), 4),
        "train_seconds": round(seconds, 1),
        "command": " ".join(["python", "tools/train_teacher.py"] + sys.argv[1:]),
        "commit": git_commit(),
    }
    write_json(os.path.join(zoo_dir, FLAGS.name + ".json"), card)
    print(f"{FLAGS.name}: test accuracy {accuracy:.4f} after {FLAGS.epochs} epochs ({seconds:.0f} s)")


if __name__ == "__main__":
    app.run(main)
