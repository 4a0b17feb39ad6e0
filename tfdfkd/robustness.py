"""Adversarial robustness of a classifier, as the Data Impressions paper measures it (TPAMI, Table 4).

For a model and a labelled test set, `evaluate` reports the natural accuracy A_nat and, for each
of FGSM, iFGSM and PGD (untargeted, L-infinity, radius `eps`, against the true labels):

* `accuracy` (A_adv): the share of adversarial images classified correctly;
* `fooling_rate` (F.R.): the share of images whose predicted class the attack changed.

The paper's question is whether Data Impressions carry a teacher's robustness into its student:
distill from a PGD-trained teacher (`tools/train_teacher.py --adversarial_eps=...`) and compare
the student's figures with those of a student distilled from a naturally trained one
(`tools/robustness.py --run=OUT` measures a run's teacher and student together).

iFGSM and PGD take `iterations` steps of 2.5 * eps / iterations (Madry et al.'s rule, so the
iterates can reach the ball's surface from anywhere inside); PGD starts from a uniform random
point in the ball, iFGSM from the image. The paper does not state its eps: record the one used.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from tfdfkd import attacks

ATTACKS = ("fgsm", "ifgsm", "pgd")


def step_size(eps: float, iterations: int) -> float:
    """Per-iteration step of iFGSM and PGD: 2.5 * eps / iterations."""
    return 2.5 * eps / iterations


def adversarial_images(model, images, labels, attack: str, eps: float, iterations: int = 10, seed=(0, 0)) -> tf.Tensor:
    """`images` perturbed by `attack` (one of ATTACKS) within the L-inf ball of radius `eps`, in [0, 1]."""
    if attack == "fgsm":
        return attacks.fgsm(model, images, labels, eps)
    if attack == "ifgsm":
        return attacks.bim(model, images, labels, eps, step_size(eps, iterations), iterations)
    if attack == "pgd":
        return attacks.pgd(model, images, labels, eps, step_size(eps, iterations), iterations, seed=seed)
    raise ValueError(f"unknown attack {attack!r}; use one of {ATTACKS}")


def evaluate(model, images: np.ndarray, labels: np.ndarray, eps: float, iterations: int = 10,
             attack_names=ATTACKS, batch_size: int = 1000, seed: int = 0) -> dict:
    """A_nat and, per attack, A_adv and the fooling rate of `model` (images to logits) on a test set."""
    labels = np.asarray(labels, np.int32)

    @tf.function(reduce_retracing=True)
    def predictions(x, y, batch_seed):
        clean = tf.argmax(model(x, training=False), axis=-1, output_type=tf.int32)
        attacked = [tf.argmax(model(adversarial_images(model, x, y, name, eps, iterations, batch_seed), training=False),
                              axis=-1, output_type=tf.int32) for name in attack_names]
        return clean, tf.stack(attacked)

    clean, attacked = [], []
    for index, start in enumerate(range(0, len(labels), batch_size)):
        x = tf.constant(images[start:start + batch_size], tf.float32)
        y = tf.constant(labels[start:start + batch_size])
        c, a = predictions(x, y, tf.constant([seed, index], tf.int32))
        clean.append(c.numpy())
        attacked.append(a.numpy())
    clean, attacked = np.concatenate(clean), np.concatenate(attacked, axis=1)
    report = {"eps": eps, "iterations": iterations, "step": step_size(eps, iterations), "examples": len(labels),
              "natural_accuracy": round(float(np.mean(clean == labels)), 4)}
    for name, predicted in zip(attack_names, attacked):
        report[name] = {"accuracy": round(float(np.mean(predicted == labels)), 4),
                        "fooling_rate": round(float(np.mean(predicted != clean)), 4)}
    return report
