"""Data-free filter pruning (DeepInversion paper, sec. 4.3 and Table 4).

Molchanov et al. (CVPR 2019) rank filters by the first-order Taylor estimate of how much the loss
changes when a filter is removed, (sum over the filter's gate parameters of gradient x value)^2,
summed over batches, and prune the lowest globally. DeepInversion computes that ranking on
synthesized images instead of the training set, then fine-tunes the pruned network by
distillation from the unpruned one, so no real image or label is used.

Here a *filter* is an output channel of a Conv2D layer or a unit of a hidden Dense layer (never
the classifier's). Its gate is the BatchNormalization that follows it when there is one (scale
and offset, Molchanov's "Taylor-FO-BN"), otherwise its own kernel slice and bias. While the
pruned model is still the teacher, a loss against the teacher's soft outputs has zero
gradient, so the ranking loss is the cross-entropy to the teacher's top class. Scores are
normalised per layer (divided by the layer's L2 norm) before the global ranking, so that
convolutions and dense layers of very different widths compete on one scale.

Pruning is physical: `shrink` rebuilds the model's layer chain with the kept channels' weights
sliced from the pruned layer, from the BatchNormalization after it, and from the next layer's
inputs (through Flatten, channel by channel), so the result is a smaller ordinary Keras model
that exports like any other. Models must be a chain of layers (Sequential, or functional
without branches); anything else is refused.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import keras
import numpy as np
import tensorflow as tf

from tfdfkd.errors import TfdfkdError
from tfdfkd.models import LocalResponseNormalization
from tfdfkd.pruning_config import check_schedule

# Layers that keep the channel axis as it is, so pruned channels pass through them untouched.
_PASS_THROUGH = (keras.layers.ReLU, keras.layers.Activation, keras.layers.MaxPooling2D, keras.layers.AveragePooling2D,
                 keras.layers.Dropout, keras.layers.GlobalAveragePooling2D, keras.layers.GlobalMaxPooling2D, LocalResponseNormalization)


def layer_chain(model: keras.Model) -> list[keras.layers.Layer]:
    """The model's layers in call order, nested models flattened, checked to be a plain chain:
    rebuilt one after another they must give the model's own outputs."""
    chain = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        chain.extend(layer_chain(layer) if isinstance(layer, keras.Model) else [layer])
    if isinstance(model, keras.Sequential):
        return chain
    probe = np.random.default_rng(0).uniform(size=(2,) + tuple(model.input_shape[1:])).astype("float32")
    expected = keras.ops.convert_to_numpy(model(probe, training=False))
    try:
        x = probe
        for layer in chain:
            x = layer(x, training=False)
        chained = keras.ops.convert_to_numpy(x).shape == expected.shape and np.allclose(keras.ops.convert_to_numpy(x), expected, atol=1e-5)
    except (ValueError, TypeError, tf.errors.InvalidArgumentError):  # a merge layer fed one tensor, a shape that breaks
        chained = False
    if not chained:
        raise TfdfkdError(f"model {model.name!r} is not a chain of layers (it branches or merges), which filter pruning needs",
                          "prune a Sequential model or a functional model whose layers follow one another")
    return chain


LAYER_KINDS = ("all", "conv")  # which layers' filters are candidates: every prunable layer, or the convolutions only


def prunable_layers(model: keras.Model, layers: str = "all") -> list[keras.layers.Layer]:
    """The Conv2D and hidden Dense layers whose outputs can be pruned (all but the classifier);
    `layers="conv"`: the Conv2D layers only (they carry most of the multiply-adds)."""
    if layers not in LAYER_KINDS:
        raise TfdfkdError(f"unknown layer kind {layers!r} to prune", f"use one of {', '.join(LAYER_KINDS)}")
    chain = layer_chain(model)
    weighted = [layer for layer in chain if isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense))]
    for layer in chain:
        if layer.weights and not isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense, keras.layers.BatchNormalization,
                                                    LocalResponseNormalization)):
            raise TfdfkdError(f"layer {layer.name!r} ({layer.__class__.__name__}) has weights that filter pruning cannot slice",
                              "prune a model of Conv2D, Dense, BatchNormalization, pooling, activation, dropout and Flatten layers")
    if not weighted or not isinstance(weighted[-1], keras.layers.Dense):
        raise TfdfkdError(f"model {model.name!r} does not end in a Dense classifier", "give a classifier whose last weighted layer is Dense")
    if any(isinstance(layer, keras.layers.Conv2D) and (layer.groups != 1) for layer in weighted):
        raise TfdfkdError("grouped or depthwise convolutions cannot be pruned channel by channel", "prune a model of ordinary Conv2D layers")
    return [layer for layer in weighted[:-1] if layers == "all" or isinstance(layer, keras.layers.Conv2D)]


def _gates(model: keras.Model, layers: str = "all") -> dict[str, list[tf.Variable]]:
    """Per prunable layer, the parameters whose (gradient x value) scores each of its filters."""
    chain, prunable = layer_chain(model), {layer.name for layer in prunable_layers(model, layers)}
    gates = {}
    for i, layer in enumerate(chain):
        if layer.name not in prunable:
            continue
        following = next((later for later in chain[i + 1 :] if later.weights), None)
        if isinstance(following, keras.layers.BatchNormalization):
            gates[layer.name] = [v for v in (following.gamma, following.beta) if v is not None]
        else:
            gates[layer.name] = [layer.kernel] + ([layer.bias] if layer.use_bias else [])
    return gates


def taylor_importance(model: keras.Model, teacher: keras.Model, images: np.ndarray, batch_size: int = 256,
                      normalise: bool = True, layers: str = "all") -> dict[str, np.ndarray]:
    """Per prunable layer of `model`, one score per filter: the sum over batches of
    (sum over its gate parameters of gradient x value)^2, for the cross-entropy between
    `model`'s logits and `teacher`'s top class; divided by the layer's L2 norm when `normalise`;
    `layers` as in `prunable_layers`."""
    gates = _gates(model, layers)
    variables = [v for group in gates.values() for v in group]

    @tf.function(reduce_retracing=True)
    def batch_scores(x):
        labels = tf.argmax(teacher(x, training=False), axis=-1)
        with tf.GradientTape() as tape:
            logits = model(x, training=False)
            loss = tf.reduce_sum(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
        grads = tape.gradient(loss, variables)
        products = [tf.reduce_sum(tf.reshape(g * v, [-1, v.shape[-1]]), axis=0) for g, v in zip(grads, variables)]
        scores, index = [], 0
        for group in gates.values():
            scores.append(tf.square(tf.add_n(products[index : index + len(group)])))
            index += len(group)
        return scores

    totals = [np.zeros(group[0].shape[-1]) for group in gates.values()]
    batch_size = min(batch_size, len(images))
    for start in range(0, len(images) - batch_size + 1, batch_size):  # whole batches: one trace per model
        for total, score in zip(totals, batch_scores(tf.constant(images[start : start + batch_size]))):
            total += score.numpy()
    if normalise:
        totals = [t / max(np.linalg.norm(t), 1e-30) for t in totals]
    return dict(zip(gates, totals))


def lowest_filters(scores: dict[str, np.ndarray], count: int) -> dict[str, np.ndarray]:
    """The indices each layer keeps once the `count` lowest-scoring filters are removed globally
    (a layer always keeps at least one filter)."""
    ranked = sorted((score, name, index) for name, values in scores.items() for index, score in enumerate(values))
    removed = {name: set() for name in scores}
    for _, name, index in ranked:
        if count <= 0:
            break
        if len(removed[name]) + 1 < len(scores[name]):
            removed[name].add(index)
            count -= 1
    return {name: np.array(sorted(set(range(len(values))) - removed[name]), np.int64) for name, values in scores.items()}


def shrink(model: keras.Model, keep: dict[str, np.ndarray]) -> keras.Model:
    """A smaller copy of `model` where each layer named in `keep` keeps only those output
    channels; every weight that reads them is sliced to match."""
    chain = layer_chain(model)
    channels = None  # the indices of the current feature axis that survive, None for all
    layers, weights = [], []
    for layer in chain:
        config, values = layer.get_config(), [keras.ops.convert_to_numpy(w) for w in layer.weights]
        if isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense)):
            kernel, *bias = values
            if channels is not None:
                kernel = kernel[..., channels, :]
            out = keep.get(layer.name)
            if out is not None:
                kernel, bias = kernel[..., out], [b[out] for b in bias]
                config["filters" if isinstance(layer, keras.layers.Conv2D) else "units"] = len(out)
            values, channels = [kernel, *bias], out
        elif isinstance(layer, keras.layers.BatchNormalization):
            values = [v if channels is None else v[channels] for v in values]
        elif isinstance(layer, keras.layers.Flatten):
            if channels is not None:
                height_width_channels = tuple(layer.input.shape[1:])
                channel_of = np.arange(int(np.prod(height_width_channels))) % height_width_channels[-1]
                channels = np.flatnonzero(np.isin(channel_of, channels))
        elif not isinstance(layer, _PASS_THROUGH):
            raise TfdfkdError(f"layer {layer.name!r} ({layer.__class__.__name__}) cannot be pruned through",
                              "prune a model of Conv2D, Dense, BatchNormalization, pooling, activation, dropout and Flatten layers")
        layers.append(layer.__class__.from_config(config))
        weights.append(values)
    smaller = keras.Sequential([keras.Input(tuple(model.input_shape[1:]), name="image"), *layers], name=f"{model.name}_pruned")
    for layer, values in zip(smaller.layers, weights):
        layer.set_weights(values)
    return smaller


def filter_count(model: keras.Model, layers: str = "all") -> int:
    return sum(layer.kernel.shape[-1] for layer in prunable_layers(model, layers))


def multiply_adds(model: keras.Model) -> int:
    """Multiply-adds of one forward pass through the Conv2D and Dense layers (the FLOPs the
    paper's Table 4 counts, up to its factor of 2)."""
    total = 0
    for layer in layer_chain(model):
        if isinstance(layer, keras.layers.Conv2D):
            height, width = layer.output.shape[1:3]
            total += height * width * int(np.prod(layer.kernel.shape))
        elif isinstance(layer, keras.layers.Dense):
            total += int(np.prod(layer.kernel.shape))
    return int(total)


class PruneRound(NamedTuple):
    filters: int  # filters left after the round
    removed: dict[str, int]  # filters removed per layer this round


def prune_rounds(total_filters: int, fraction: float, rounds: int) -> list[int]:
    """How many filters each round removes so that `fraction` of them are gone after `rounds`."""
    check_schedule(fraction, rounds)
    target = round(fraction * total_filters)
    per_round = math.ceil(target / rounds)
    counts = []
    while target > 0:
        counts.append(min(per_round, target))
        target -= counts[-1]
    return counts
