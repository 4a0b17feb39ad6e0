"""DeepInversion's feature-statistics loss: BatchNorm running statistics as a data prior.

`BNTaps` rebuilds the teacher's own graph with the same layer objects (shared weights, nothing
edited) into a model whose outputs are the logits followed by the *input* of every
BatchNormalization layer, walking into nested Sequential and Functional models.
`feature_loss` compares those inputs' batch statistics with the layers' moving statistics
(DeepInversion eq. 4-6).
"""

from __future__ import annotations

import keras
import tensorflow as tf

from tfdfkd.errors import TfdfkdError


class BNTaps:
    """`model(images) -> [logits, bn_input_1, ..., bn_input_L]` and the L BatchNormalization layers.

    Layers are listed in call order. Subclassed models cannot be walked (their graph is Python
    code) and are refused; a BN layer hidden inside a custom layer is not seen.
    """

    def __init__(self, model: keras.Model):
        self.layers: list[keras.layers.BatchNormalization] = []
        self.model = self._tapped(model)

    def _tapped(self, model: keras.Model) -> keras.Model:
        taps: list = []

        def call(layer, *args, **kwargs):
            if isinstance(layer, keras.Model):
                inner = self._tapped(layer)
                outputs = inner(*args, **kwargs)
                taps.extend(outputs[1:])
                return outputs[0]
            if isinstance(layer, keras.layers.BatchNormalization):
                taps.append(args[0])
                self.layers.append(layer)
            return layer(*args, **kwargs)

        if isinstance(model, keras.Sequential):
            inputs = keras.Input(model.input_shape[1:])
            x = inputs
            for layer in model.layers:
                x = call(layer, x)
            outputs = x
        elif _is_functional(model):
            if len(model.inputs) != 1 or len(model.outputs) != 1:
                raise TfdfkdError(f"model {model.name!r} has {len(model.inputs)} inputs and {len(model.outputs)} outputs",
                                  "give a classifier with one image input and one output")
            clone = keras.models.clone_model(model, clone_function=lambda layer: layer, call_function=call)
            inputs, outputs = clone.inputs[0], clone.outputs[0]
        else:
            raise TfdfkdError(f"{model.__class__.__name__} {model.name!r} is a subclassed model whose BatchNormalization inputs cannot be read",
                              "build the teacher as a Sequential or Functional Keras model")
        return keras.Model(inputs, [outputs, *taps], name=f"{model.name}_bn_taps")

    def __call__(self, images: tf.Tensor) -> tuple[tf.Tensor, list[tf.Tensor]]:
        outputs = self.model(images, training=False)
        return outputs[0], list(outputs[1:])


def _is_functional(model: keras.Model) -> bool:
    try:
        return bool(model.inputs) and bool(model.outputs) and hasattr(model, "operations")
    except (AttributeError, ValueError):
        return False


def batch_moments(features: tf.Tensor, axis: int) -> tuple[tf.Tensor, tf.Tensor]:
    """Per-channel mean and biased variance of `features` over every axis but `axis`.

    Under several replicas the sums are reduced across replicas, so each replica matches the
    statistics of the global batch rather than of its own slice (PITFALLS). Two passes (the mean,
    then the squared deviations from it): E[x^2] - E[x]^2 in float32 loses the variance of
    features whose mean is large against their spread (2.5% at a ratio of 40, all of it at 1000).
    """
    axis = axis % len(features.shape)
    reduce_axes = [a for a in range(len(features.shape)) if a != axis]
    context = tf.distribute.get_replica_context()
    across = context is not None and context.num_replicas_in_sync > 1
    count = tf.cast(tf.reduce_prod(tf.gather(tf.shape(features), reduce_axes)), tf.float32)
    total = tf.reduce_sum(features, axis=reduce_axes)
    if across:
        total, count = context.all_reduce("sum", [total, count])
    mean = total / count
    shape = [-1 if a == axis else 1 for a in range(len(features.shape))]  # broadcasts along `axis`
    squares = tf.reduce_sum(tf.square(features - tf.reshape(mean, shape)), axis=reduce_axes)
    if across:
        squares = context.all_reduce("sum", squares)
    return mean, squares / count


def feature_loss(bn_inputs: list[tf.Tensor], layers: list[keras.layers.BatchNormalization],
                 first_layer_weight: float = 1.0) -> tf.Tensor:
    """DeepInversion eq. (4): sum over BN layers of ||mu - running_mean||_2 + ||var - running_var||_2.

    Zero when the batch statistics at every BN input equal the layers' running statistics.
    `first_layer_weight` scales the first layer's term (NVlabs' ImageNet code uses 10).
    """
    total = tf.constant(0.0)
    for i, (features, layer) in enumerate(zip(bn_inputs, layers)):
        mean, variance = batch_moments(tf.cast(features, tf.float32), layer.axis if isinstance(layer.axis, int) else layer.axis[0])
        term = tf.norm(mean - tf.cast(layer.moving_mean, tf.float32)) + tf.norm(variance - tf.cast(layer.moving_variance, tf.float32))
        total += (first_layer_weight if i == 0 else 1.0) * term
    return total
