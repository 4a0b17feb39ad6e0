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
    """The zoo's LeNet-5 with BatchNormalization on digits (tools/flags/teacher_lenet5_bn_digits.flags)."""
    from tfdfkd import teacher

    return teacher.load("lenet5_bn_digits")


@pytest.fixture(scope="session")
def shader_cache(tmp_path_factory):
    """A 32x32 grey shader cache of 600 images from 32 shipped programs (tfdfkd.render; ~1 s)."""
    from tfdfkd import render

    directory = str(tmp_path_factory.mktemp("shader_cache") / "cache")
    render.render_cache(directory, 600, resolution=32, channels=1, seed=0, programs=render.shipped_programs()[:32], workers=1,
                        shard_frames=1024, verbose=False)
    return directory
