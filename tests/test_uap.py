"""Universal adversarial perturbations learned from a transfer set (tfdfkd.uap, tools/uap.py), on digits."""

import numpy as np
import pytest

from tfdfkd import uap


def test_generator_keeps_every_perturbation_in_the_ball():
    generator = uap.build_generator((32, 32, 1), eps=0.05)
    perturbations = generator(np.random.default_rng(0).uniform(-1, 1, (8, uap.LATENT_DIM)).astype("float32")).numpy()
    assert perturbations.shape == (8, 32, 32, 1)
    assert np.abs(perturbations).max() <= 0.05 + 1e-6


def test_zero_perturbation_fools_nothing(digits_teacher, digits_test):
    assert uap.fooling_rate(digits_teacher.logits_model, digits_test.images, np.zeros((32, 32, 1), "float32")) == 0.0


def test_trained_perturbations_fool_more_than_random_ones(digits_teacher, digits_test):
    from tfdfkd import data

    eps, model = 0.3, digits_teacher.logits_model
    trained = uap.train_generator(model, data.load("digits", "train").images, eps=eps, steps=200, seed=0)
    learned = [uap.fooling_rate(model, digits_test.images, p) for p in trained.sample(3)]
    random_signs = [uap.fooling_rate(model, digits_test.images, np.random.default_rng(i).choice([-eps, eps], (32, 32, 1)).astype("float32"))
                    for i in range(3)]
    assert np.mean(learned) > 2 * np.mean(random_signs), (learned, random_signs)
    assert trained.losses[-1] < trained.losses[0]


@pytest.mark.parametrize("height", [30])
def test_generator_refuses_a_height_it_cannot_reach(height):
    with pytest.raises(ValueError, match="multiple of 8"):
        uap.build_generator((height, height, 1), eps=0.1)
