"""Trains a zoo model on real data with the ZSKD recipe and writes its weights and card.

    python tools/train_teacher.py --flagfile=tools/flags/teacher_lenet5_fashion_mnist.flags

Recipe (ZSKD appendix): Adam, learning rate 1e-3, batch 512, cross-entropy; epochs as a flag.
The last epoch is the result: no checkpoint is picked with test data. A killed run resumes at
its last finished epoch when the same command is run again; TensorBoard logs go to --work_dir.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("name", None, "Zoo entry name, e.g. lenet5_fashion_mnist.", required=True)
flags.DEFINE_string("architecture", "lenet5", "Architecture from tfdfkd.models.ARCHITECTURES.")
flags.DEFINE_string("dataset", "fashion_mnist", "Training dataset (tfdfkd.data.NAMES).")
flags.DEFINE_string("data_dir", None, "Where local dataset files live.")
flags.DEFINE_integer("epochs", 200, "Training epochs (ZSKD: 200 for LeNet-5).", lower_bound=1)
flags.DEFINE_integer("batch_size", 512, "Batch size (ZSKD: 512).", lower_bound=1)
flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate (ZSKD: 1e-3).")
flags.DEFINE_integer("seed", 0, "Seeds initialisation and shuffling.")
flags.DEFINE_string("zoo_dir", None, "Output directory (default: the repository's zoo/).")
flags.DEFINE_integer("validation_examples", 0, "Hold out the last N training examples and report accuracy on them "
                     "each epoch (to choose --epochs without test data); the card records it.")
flags.DEFINE_bool("augment", False, "Random horizontal flips and +-2 px shifts of the training images (not in "
                  "the ZSKD recipe; against the overfitting of 200 plain epochs).")
flags.DEFINE_float("noise_std", 0.0, lower_bound=0.0, help="Add Gaussian noise N(0, noise_std^2) to every training image, then clip to "
                   "[0, 1] (not in the ZSKD recipe). A teacher trained this way has smoother input gradients, and "
                   "the images synthesized from it by input optimisation teach students far better.")
flags.DEFINE_float("adversarial_eps", 0.0, lower_bound=0.0, help="Train on PGD examples of this L-inf radius (Madry et al.; "
                   "not in the ZSKD recipe): a robust teacher, as in the Data Impressions paper's Table 4. 0 = off.")
flags.DEFINE_integer("adversarial_iterations", 7, lower_bound=1, help="PGD steps per training batch (step 2.5 * eps / steps).")
flags.DEFINE_bool("cosine", False, "Cosine-decay the learning rate to 0 over training (not in the ZSKD recipe).")
flags.DEFINE_string("work_dir", None, "Where the run keeps its resumable backup (while it trains) and TensorBoard "
                    "logs (default: runs/teachers/<name>). Kill the run and start the same command to resume.")
flags.DEFINE_string("recipe", "", "The flagfile this run came from, recorded in the card.")
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored", "multi_worker", "tpu"], "tf.distribute strategy.")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(train)


def train():
    import keras

    from tfdfkd import data, models, zoo
    from tfdfkd import strategy as strategies
    from tfdfkd.adversarial_training import AdversarialTraining
    from tfdfkd.backup import BackupAndRestore
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import (
        atomic_path,
        check_writable,
        git_commit,
        sha256_of,
        write_json,
    )
    from tfdfkd.robustness import evaluate as evaluate_robustness
    from tfdfkd.robustness import step_size

    commit = git_commit()  # the code that trains, before anything can change the checkout
    if FLAGS.strategy == "multi_worker":
        # Keras 3.15's fit() fails on labelled batches under MultiWorkerMirroredStrategy (its first
        # step reduces the (images, labels) pair across workers, tensorflow/tensorflow#72388);
        # tools/distill.py trains on images alone and is not affected.
        raise TfdfkdError("--strategy=multi_worker cannot train a teacher with Keras 3.15's fit()",
                          "train the teacher with --strategy=mirrored (all local GPUs) and distill with multi_worker")
    if not FLAGS.learning_rate > 0:
        raise TfdfkdError(f"--learning_rate is {FLAGS.learning_rate}", "pass a positive learning rate (ZSKD: 1e-3)")
    if FLAGS.validation_examples < 0:
        raise TfdfkdError(f"--validation_examples is {FLAGS.validation_examples}", "pass 0 (no held-out set) or a positive count")
    zoo_dir = FLAGS.zoo_dir or zoo.ZOO_DIR
    card_path = os.path.join(zoo_dir, FLAGS.name + ".json")
    check_writable(card_path, "--zoo_dir")
    if os.path.exists(card_path):  # weights without a card are a killed run's: retraining replaces them
        raise TfdfkdError(f"the zoo at {zoo_dir} already has an entry {FLAGS.name!r}",
                          f"choose another --name, or delete {zoo_dir}/{FLAGS.name}.json and .weights.h5 to train it again")
    strategy = strategies.get(FLAGS.strategy)
    train_set = data.load(FLAGS.dataset, "train", FLAGS.data_dir)
    test_set = data.load(FLAGS.dataset, "test", FLAGS.data_dir)
    if FLAGS.validation_examples >= len(train_set):
        raise TfdfkdError(f"--validation_examples={FLAGS.validation_examples} leaves no training images "
                          f"({FLAGS.dataset} has {len(train_set)})", f"hold out fewer than {len(train_set)}")
    steps = -(-(len(train_set) - FLAGS.validation_examples) // FLAGS.batch_size) * FLAGS.epochs
    lr = keras.optimizers.schedules.CosineDecay(FLAGS.learning_rate, steps) if FLAGS.cosine else FLAGS.learning_rate
    with strategy.scope():
        classifier = models.build(FLAGS.architecture, train_set.images.shape[1:], train_set.num_classes, seed=FLAGS.seed)
        model = classifier
        if FLAGS.adversarial_eps:
            model = AdversarialTraining(classifier, FLAGS.adversarial_eps, FLAGS.adversarial_iterations, seed=FLAGS.seed)
            model(train_set.images[:1])  # built, so that a backup can be restored into it
        model.compile(keras.optimizers.Adam(lr),
                      keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    x, y, validation = train_set.images, train_set.labels, None
    if FLAGS.validation_examples:
        cut = len(y) - FLAGS.validation_examples
        x, y, validation = x[:cut], y[:cut], (x[cut:], y[cut:])
    work_dir = FLAGS.work_dir or os.path.join("runs", "teachers", FLAGS.name)
    # Resumes a killed run at its last finished epoch; a backup of another recipe is refused, not taken over.
    training_settings = {name: getattr(FLAGS, name) for name in (
        "architecture", "dataset", "epochs", "batch_size", "learning_rate", "seed", "validation_examples", "augment", "noise_std",
        "adversarial_eps", "adversarial_iterations", "cosine")}
    backup = BackupAndRestore(os.path.join(work_dir, "backup"), settings=training_settings,
                              fix=f"rerun with that recipe to finish it, or delete {work_dir} to start again (or pass another --work_dir)")
    callbacks = [backup, keras.callbacks.TensorBoard(os.path.join(work_dir, "tensorboard"), write_graph=False),
                 keras.callbacks.TerminateOnNaN()]
    model.fit(_training_data(x, y), epochs=FLAGS.epochs, verbose=2, validation_data=validation, shuffle=False,  # tf.data shuffles
              callbacks=callbacks)
    fit_seconds, fit_end = backup.training_seconds(), time.time()  # fit's seconds over every invocation of a resumed run
    recalibration = None
    if models.has_dropout_before_batch_norm(classifier):  # AlexNet: see tfdfkd/models/batch_norm.py
        _, before = model.evaluate(test_set.images, test_set.labels, batch_size=1024, verbose=0)
        models.recalibrate_batch_norm(classifier, x)
        recalibration = {"test_accuracy_before": round(float(before), 4),
                         "how": "BatchNormalization statistics re-estimated on the training images with dropout off"}
    seconds = fit_seconds + time.time() - fit_end
    _, accuracy = model.evaluate(test_set.images, test_set.labels, batch_size=1024, verbose=0)
    robustness = None
    if FLAGS.adversarial_eps:  # what the adversarial training bought: FGSM, iFGSM and 10-step PGD at the eps it trained on
        robustness = evaluate_robustness(classifier, test_set.images, test_set.labels, FLAGS.adversarial_eps)
    weights = os.path.join(zoo_dir, FLAGS.name + ".weights.h5")
    with atomic_path(weights) as tmp:
        classifier.save_weights(tmp)
    card = {
        "name": FLAGS.name,
        "architecture": FLAGS.architecture,
        **({"architecture_note": models.ARCHITECTURE_NOTES[FLAGS.architecture]}
           if FLAGS.architecture in models.ARCHITECTURE_NOTES else {}),
        "dataset": FLAGS.dataset,
        "input_shape": list(train_set.images.shape[1:]),
        "num_classes": train_set.num_classes,
        "weights": os.path.basename(weights),
        "sha256": sha256_of(weights),
        "parameters": classifier.count_params(),
        "recipe": {"optimizer": "adam", "learning_rate": FLAGS.learning_rate, "cosine_decay": FLAGS.cosine,
                   "augmentation": _augmentation_text(), "batch_size": FLAGS.batch_size,
                   "loss": "cross-entropy on the real training labels", "epochs": FLAGS.epochs, "seed": FLAGS.seed,
                   "flagfile": FLAGS.recipe,
                   **({"adversarial_training": {"method": "PGD (Madry et al.), random start", "eps": FLAGS.adversarial_eps,
                                                "iterations": FLAGS.adversarial_iterations,
                                                "step": step_size(FLAGS.adversarial_eps, FLAGS.adversarial_iterations)}}
                      if FLAGS.adversarial_eps else {})},
        "train_examples": len(y),
        "validation_examples": FLAGS.validation_examples,
        "test_examples": len(test_set),
        "test_accuracy": round(float(accuracy), 4),
        **({"batch_norm_recalibration": recalibration} if recalibration else {}),
        **({"robustness": robustness} if robustness else {}),
        "strategy": FLAGS.strategy,
        "replicas": strategy.num_replicas_in_sync,
        "train_seconds": round(seconds, 1),
        "command": " ".join(["python", "tools/train_teacher.py"] + sys.argv[1:]),
        "commit": commit,
    }
    write_json(card_path, card)  # last: an entry counts once its card exists
    backup.discard()  # kept through the export so that a kill there loses no training
    print(f"{FLAGS.name}: test accuracy {accuracy:.4f} after {FLAGS.epochs} epochs ({seconds:.0f} s)")


def _augmentation_text() -> str:
    parts = (["random horizontal flip, +-2 px translation"] if FLAGS.augment else []) + \
            ([f"Gaussian pixel noise, std {FLAGS.noise_std:g}, clipped to [0, 1]"] if FLAGS.noise_std else [])
    return "; ".join(parts) or "none"


def _training_data(images, labels):
    """Shuffled, batched (images, labels), augmented when --augment or --noise_std is set."""
    import keras
    import tensorflow as tf

    data = tf.data.Dataset.from_tensor_slices((images, labels)).shuffle(len(labels), seed=FLAGS.seed)
    data = data.batch(FLAGS.batch_size)
    if FLAGS.augment:
        shift = 2.0 / images.shape[1]
        augment = keras.Sequential([keras.layers.RandomFlip("horizontal", seed=FLAGS.seed),
                                    keras.layers.RandomTranslation(shift, shift, fill_mode="constant", seed=FLAGS.seed)])
        data = data.map(lambda x, y: (augment(x, training=True), y), num_parallel_calls=tf.data.AUTOTUNE)
    if FLAGS.noise_std:
        noise = keras.layers.GaussianNoise(FLAGS.noise_std, seed=FLAGS.seed)
        data = data.map(lambda x, y: (tf.clip_by_value(noise(x, training=True), 0.0, 1.0), y), num_parallel_calls=tf.data.AUTOTUNE)
    return data.prefetch(tf.data.AUTOTUNE)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
