"""Robustness measurement (tfdfkd.robustness) and PGD adversarial training, on the digits teacher."""

import keras
import numpy as np
import pytest

from tfdfkd import models, robustness
from tfdfkd.adversarial_training import AdversarialTraining


@pytest.mark.parametrize("attack", robustness.ATTACKS)
def test_adversarial_images_stay_in_the_ball_and_the_pixel_range(digits_teacher, digits_test, attack):
    images, labels = digits_test.images[:64], digits_test.labels[:64]
    attacked = robustness.adversarial_images(digits_teacher.logits_model, images, labels, attack, eps=0.05).numpy()
    assert np.max(np.abs(attacked - images)) <= 0.05 + 1e-6
    assert attacked.min() >= 0.0 and attacked.max() <= 1.0
    assert np.max(np.abs(attacked - images)) > 0.01  # it moved


def test_evaluate_reports_the_papers_measures(digits_teacher, digits_test):
    report = robustness.evaluate(digits_teacher.logits_model, digits_test.images, digits_test.labels, eps=0.1, iterations=5)
    clean = np.argmax(digits_teacher.logits_model(digits_test.images), -1)
    assert report["natural_accuracy"] == pytest.approx(np.mean(clean == digits_test.labels), abs=1e-4)
    for attack in robustness.ATTACKS:
        accuracy, fooled = report[attack]["accuracy"], report[attack]["fooling_rate"]
        assert accuracy < report["natural_accuracy"] - 0.1  # a natural LeNet-5 is not robust at eps 0.1
        assert fooled >= report["natural_accuracy"] - accuracy - 1e-4  # every correct image it broke was fooled
    assert report["pgd"]["accuracy"] <= report["fgsm"]["accuracy"]  # iterating finds at least what one step does


def test_zero_radius_changes_nothing(digits_teacher, digits_test):
    report = robustness.evaluate(digits_teacher.logits_model, digits_test.images, digits_test.labels, eps=0.0, iterations=2)
    for attack in robustness.ATTACKS:
        assert report[attack] == {"accuracy": report["natural_accuracy"], "fooling_rate": 0.0}


def test_pgd_training_buys_robustness(digits_test):
    from tfdfkd import data

    train = data.load("digits", "train")

    def trained(adversarial: bool):
        classifier = models.build("lenet5", train.images.shape[1:], train.num_classes, seed=0)
        model = AdversarialTraining(classifier, eps=0.1, iterations=3, seed=0) if adversarial else classifier
        model.compile(keras.optimizers.Adam(1e-3), keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(train.images, train.labels, batch_size=64, epochs=12, verbose=0, shuffle=True)
        return robustness.evaluate(classifier, digits_test.images, digits_test.labels, eps=0.1, iterations=5)

    natural, robust = trained(False), trained(True)
    assert robust["pgd"]["accuracy"] > natural["pgd"]["accuracy"] + 0.15, (natural, robust)
    assert robust["natural_accuracy"] > 0.8
