"""AlexNet and AlexNet-Half for 32x32 inputs as specified in the ZSKD appendix, table 5.

Five SAME convolutions (5x5, 5x5, 3x3, 3x3, 3x3) with ReLU; local response normalisation
(depth_radius 2, alpha 1e-4, beta 0.75, bias 1) after the first two; 3x3 stride-2 VALID max
pooling after convolutions 1, 2 and 5; BatchNormalization after each pooling and after
convolutions 3 and 4; dense 512 -> 256 (each followed by dropout 0.5 then BatchNormalization)
-> logits. Kernels from a normal with stddev 0.01; biases zero except convolutions 2, 4, 5
(1.0). AlexNet-Half halves every width except the classifier.

Parameter counts at 32x32x3: 1,662,090 and 418,890. The paper's text says 1.65M and 7.23e5;
the teacher agrees with its table, the student's 7.23e5 does not (the table's widths give
418,890), and we follow the table.
"""

from __future__ import annotations

import keras
import tensorflow as tf


@keras.saving.register_keras_serializable(package="tfdfkd")
class LocalResponseNormalization(keras.layers.Layer):
    """tf.nn.local_response_normalization as a layer (AlexNet's LRN)."""

    def __init__(self, depth_radius=2, bias=1.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta

    def call(self, x):
        return tf.nn.local_response_normalization(x, self.depth_radius, self.bias, self.alpha, self.beta)

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias, "alpha": self.alpha, "beta": self.beta}


def _alexnet(name: str, width: float, input_shape, num_classes: int) -> keras.Model:
    init = lambda: keras.initializers.RandomNormal(stddev=0.01)  # ZSKD table 5
    w = lambda n: int(n * width)
    x = inputs = keras.Input(shape=tuple(input_shape), name="image")

    def conv(x, filters, kernel, bias, name):
        return keras.layers.Conv2D(filters, kernel, padding="same", activation="relu", kernel_initializer=init(),
                                   bias_initializer=keras.initializers.Constant(bias), name=name)(x)

    pool = lambda x, name: keras.layers.MaxPooling2D(3, strides=2, padding="valid", name=name)(x)
    bn = lambda x, name: keras.layers.BatchNormalization(name=name)(x)

    x = conv(x, w(48), 5, 0.0, "conv1")
    x = LocalResponseNormalization(name="lrn1")(x)
    x = bn(pool(x, "pool1"), "bn1")
    x = conv(x, w(128), 5, 1.0, "conv2")
    x = LocalResponseNormalization(name="lrn2")(x)
    x = bn(pool(x, "pool2"), "bn2")
    x = bn(conv(x, w(192), 3, 0.0, "conv3"), "bn3")
    x = bn(conv(x, w(192), 3, 1.0, "conv4"), "bn4")
    x = bn(pool(conv(x, w(128), 3, 1.0, "conv5"), "pool5"), "bn5")
    x = keras.layers.Flatten(name="flatten")(x)
    for i, units in enumerate((512, 256), start=1):
        x = keras.layers.Dense(w(units), activation="relu", kernel_initializer=init(), name=f"fc{i}")(x)
        x = keras.layers.Dropout(0.5, name=f"dropout{i}")(x)
        x = bn(x, f"fc{i}_bn")
    outputs = keras.layers.Dense(num_classes, kernel_initializer=init(), name="logits")(x)
    return keras.Model(inputs, outputs, name=name)


def AlexNet(input_shape=(32, 32, 3), num_classes: int = 10) -> keras.Model:
    """The ZSKD teacher for CIFAR-10 (1,662,090 parameters at 32x32x3)."""
    return _alexnet("alexnet", 1.0, input_shape, num_classes)


def AlexNetHalf(input_shape=(32, 32, 3), num_classes: int = 10) -> keras.Model:
    """The ZSKD student for CIFAR-10: half the filters and hidden units of `AlexNet` (418,890 parameters)."""
    return _alexnet("alexnet_half", 0.5, input_shape, num_classes)
