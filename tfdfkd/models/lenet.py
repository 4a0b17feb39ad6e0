"""LeNet-5 and LeNet-5-Half as specified in the ZSKD appendix, table 4.

Both: two 5x5 VALID convolutions with ReLU, each followed by 2x2 max pooling, then dense
layers 120 -> 84 -> classes; kernels from a truncated normal with stddev 0.1, zero biases;
the last layer outputs logits. LeNet-5-Half halves the convolution filters (6->3, 16->8) and
keeps the dense widths: this is ZSKD's / DeGAN's "half" (35,820 parameters at 32x32x1), not
DAFL's smaller network of the same name.

`batch_norm=True` adds BatchNormalization after each convolution and hidden dense layer (a
variant the DeepInversion family needs; not in the paper's table).
"""

from __future__ import annotations

import keras


def _lenet(name: str, filters: tuple[int, int], input_shape, num_classes: int, batch_norm: bool) -> keras.Model:
    init = lambda: keras.initializers.TruncatedNormal(stddev=0.1)  # ZSKD table 4
    layers = [keras.Input(shape=tuple(input_shape), name="image")]

    def block(layer):
        layers.append(layer)
        if batch_norm:
            layers.append(keras.layers.BatchNormalization(name=layer.name + "_bn"))
        layers.append(keras.layers.ReLU(name=layer.name + "_relu"))

    for i, f in enumerate(filters, start=1):
        block(keras.layers.Conv2D(f, 5, padding="valid", kernel_initializer=init(), bias_initializer="zeros", name=f"conv{i}"))
        layers.append(keras.layers.MaxPooling2D(2, padding="valid", name=f"pool{i}"))
    layers.append(keras.layers.Flatten(name="flatten"))
    for i, units in enumerate((120, 84), start=1):
        block(keras.layers.Dense(units, kernel_initializer=init(), bias_initializer="zeros", name=f"fc{i}"))
    layers.append(keras.layers.Dense(num_classes, kernel_initializer=init(), bias_initializer="zeros", name="logits"))
    return keras.Sequential(layers, name=name)


def LeNet5(input_shape=(32, 32, 1), num_classes: int = 10, batch_norm: bool = False) -> keras.Model:
    """The ZSKD teacher for MNIST and Fashion-MNIST (61,706 parameters at 32x32x1)."""
    return _lenet("lenet5_bn" if batch_norm else "lenet5", (6, 16), input_shape, num_classes, batch_norm)


def LeNet5Half(input_shape=(32, 32, 1), num_classes: int = 10, batch_norm: bool = False) -> keras.Model:
    """The ZSKD student for MNIST and Fashion-MNIST (35,820 parameters at 32x32x1)."""
    return _lenet("lenet5_half_bn" if batch_norm else "lenet5_half", (3, 8), input_shape, num_classes, batch_norm)
