"""The paper's architectures, built by name: `build("lenet5_half", input_shape, num_classes)`."""

from __future__ import annotations

import functools

import keras

from tfdfkd.errors import TfdfkdError
from tfdfkd.models.alexnet import AlexNet, AlexNetHalf, LocalResponseNormalization
from tfdfkd.models.batch_norm import (
    has_dropout_before_batch_norm,
    recalibrate_batch_norm,
)
from tfdfkd.models.gan import dcgan_discriminator, dcgan_generator
from tfdfkd.models.lenet import LeNet5, LeNet5Half

ARCHITECTURES = {
    "lenet5": LeNet5,
    "lenet5_half": LeNet5Half,
    "lenet5_bn": functools.partial(LeNet5, batch_norm=True),
    "lenet5_half_bn": functools.partial(LeNet5Half, batch_norm=True),
    "alexnet": AlexNet,
    "alexnet_half": AlexNetHalf,
}

# What a model card must say about an architecture that departs from the ZSKD appendix tables.
_BN_NOTE = ("{} (ZSKD table 4) with BatchNormalization after each convolution and each hidden dense layer, "
            "before the ReLU; not in the paper's table: the DeepInversion methods need BN running statistics")
ARCHITECTURE_NOTES = {
    "lenet5_bn": _BN_NOTE.format("LeNet-5"),
    "lenet5_half_bn": _BN_NOTE.format("LeNet-5-Half"),
}


def build(name: str, input_shape=(32, 32, 1), num_classes: int = 10, seed: int | None = None) -> keras.Model:
    """A freshly initialised model of architecture `name` (seeded when `seed` is given)."""
    if name not in ARCHITECTURES:
        raise TfdfkdError(f"unknown architecture {name!r}", f"use one of {', '.join(ARCHITECTURES)} or a .keras file")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    return ARCHITECTURES[name](input_shape=tuple(input_shape), num_classes=num_classes)


def copy(model: keras.Model, trainable: bool = True) -> keras.Model:
    """An independent copy of `model`: same architecture and weights, its own variables (build it
    inside the strategy's scope that will train it). A copy of a frozen teacher is trainable
    unless asked otherwise."""
    twin = keras.models.clone_model(model)
    twin.set_weights(model.get_weights())
    _set_trainable(twin, trainable)
    return twin


def _set_trainable(layer: keras.layers.Layer, trainable: bool) -> None:
    """`trainable` on `layer` and every layer inside it. Keras 3's setter does not reach the
    layers of a functional model, whose clones keep a frozen original's trainable=False."""
    layer.trainable = trainable
    for inner in getattr(layer, "layers", []):
        _set_trainable(inner, trainable)


__all__ = ["ARCHITECTURES", "ARCHITECTURE_NOTES", "AlexNet", "AlexNetHalf", "LeNet5", "LeNet5Half", "LocalResponseNormalization", "build", "copy", "dcgan_discriminator",
           "dcgan_generator", "has_dropout_before_batch_norm", "recalibrate_batch_norm"]
