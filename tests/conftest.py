"""Shared fixtures: the zoo's tiny digits teacher and the digits test split, loaded once."""

import os
import sys

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


@pytest.fixture(scope="session")
def digits_test():
    from tfdfkd import data

    return data.load("digits", "test")


@pytest.fixture(scope="session")
def digits_teacher():
    from tfdfkd import teacher

    return teacher.load("lenet5_digits")


@pytest.fixture(scope="session")
def strategy():
    import tensorflow as tf

    return tf.distribute.MirroredStrategy()


@pytest.fixture(scope="session")
def digits_bn_teacher():
    """LeNet-5 with BatchNormalization, trained for a few seconds on the digits training split."""
    import keras

    from tfdfkd import data, models, teacher

    train = data.load("digits", "train")
    keras.utils.set_random_seed(0)
    model = models.build("lenet5_bn", train.images.shape[1:], 10, seed=0)
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(train.images, train.labels, batch_size=32, epochs=15, verbose=0)  # enough steps for BN running statistics to settle
    return teacher.from_keras(model, source="digits lenet5_bn fixture")
