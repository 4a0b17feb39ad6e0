"""Loading a teacher from what a user holds, and reading what synthesis needs from it.

A teacher is given as a zoo name, a `.keras` file or a SavedModel directory. Synthesis and
distillation want logits, and ZSKD wants the final Dense layer's kernel (the class
templates). `Teacher` holds both:

* `logits_model`: a Keras model from images to logits. When the user's model ends in a
  softmax (as a Dense activation or a Softmax layer), logits are recomputed from the final
  Dense layer's input, kernel and bias; the user's model is never edited.
* `class_templates()`: the (features, classes) kernel of the final Dense layer.
"""

from __future__ import annotations

import dataclasses
import os
import zipfile

import keras
import numpy as np
import tensorflow as tf

from tfdfkd import zoo
from tfdfkd.errors import TfdfkdError


@dataclasses.dataclass
class Teacher:
    """A frozen classifier: `logits_model` maps (N, H, W, C) images in [0, 1] to (N, K) logits."""

    logits_model: keras.Model
    source: str
    final_dense: keras.layers.Dense | None

    @property
    def input_shape(self) -> tuple[int, ...]:
        return tuple(self.logits_model.input_shape[1:])

    @property
    def num_classes(self) -> int:
        return int(self.logits_model.output_shape[-1])

    def class_templates(self) -> np.ndarray:
        """The final Dense kernel, (features, classes): column k is class k's template (ZSKD sec. 3.2)."""
        if self.final_dense is None:
            raise TfdfkdError(f"teacher {self.source} has no final Dense layer with {self.num_classes} units, which ZSKD reads class similarities from",
                              "use --method=class_impressions, or a teacher whose classifier is a Dense layer")
        return keras.ops.convert_to_numpy(self.final_dense.kernel)


def load(spec: str) -> Teacher:
    """A `Teacher` from a zoo name, a `.keras` file or a SavedModel directory."""
    return from_keras(load_keras_model(spec), source=spec)


def load_keras_model(spec: str) -> keras.Model:
    """A Keras model from a zoo name, a `.keras` file or a SavedModel directory."""
    if os.path.isdir(spec):
        return _from_saved_model(spec)
    if spec.endswith((".keras", ".h5")):
        if not os.path.exists(spec):
            raise TfdfkdError(f"model file {spec} does not exist", "check the path, or give a zoo name (tfdfkd.zoo.list())")
        if spec.endswith(".keras") and os.path.isfile(spec) and not zipfile.is_zipfile(spec):
            raise TfdfkdError(f"model file {spec} is not a .keras archive (truncated, empty or another format)",
                              "save it again with model.save(), or copy it again in full")
        try:
            return keras.models.load_model(spec, compile=False)
        except Exception as e:
            raise TfdfkdError(f"cannot read model file {spec} ({type(e).__name__}: {str(e).splitlines()[0][:120]})",
                              "give a .keras file written by model.save(), or retrain and save it again") from e
    if os.path.isfile(spec):
        raise TfdfkdError(f"model file {spec} is neither a .keras (or .h5) file nor a SavedModel directory",
                          "give a .keras file written by model.save(), a SavedModel directory or a zoo name")
    if os.path.sep in spec or spec.startswith("."):
        raise TfdfkdError(f"model path {spec} does not exist", "check the path, or give a zoo name (tfdfkd.zoo.list())")
    return zoo.load(spec)


def _from_saved_model(path: str) -> keras.Model:
    if not os.path.exists(os.path.join(path, "saved_model.pb")):
        raise TfdfkdError(f"{path} is a directory but not a SavedModel (no saved_model.pb)", "give a SavedModel directory, a .keras file or a zoo name")
    try:
        loaded = tf.saved_model.load(path)
    except Exception as e:
        raise TfdfkdError(f"cannot load SavedModel {path} ({type(e).__name__})", "re-export it with tf.saved_model.save or model.export") from e
    signature = loaded.signatures.get("serving_default")
    if signature is None:
        raise TfdfkdError(f"SavedModel {path} has no 'serving_default' signature", "export it with model.export(path) or a serving signature")
    (spec,) = signature.structured_input_signature[1].values() if len(signature.structured_input_signature[1]) == 1 else (None,)
    if spec is None or spec.shape.rank != 4:
        raise TfdfkdError(f"SavedModel {path}'s serving signature does not take one image batch (N, H, W, C)",
                          "export a model whose signature takes a single 4-D image tensor")
    endpoint = keras.layers.TFSMLayer(path, call_endpoint="serving_default")
    inputs = keras.Input(shape=tuple(spec.shape[1:]), name="image")
    outputs = endpoint(inputs)
    if isinstance(outputs, dict):
        if len(outputs) != 1:
            raise TfdfkdError(f"SavedModel {path} returns {len(outputs)} outputs", "export a model with one logits output")
        outputs = next(iter(outputs.values()))
    model = keras.Model(inputs, outputs, name="saved_model_teacher")
    if _gives_probabilities(model):
        # A SavedModel hides its layers, so a softmax output is recognised by its values.
        model = keras.Model(inputs, _log_probabilities(model, inputs), name="saved_model_teacher_logits")
    return model


def _gives_probabilities(model: keras.Model, probes: int = 8) -> bool:
    """Whether `model` maps random images to rows of non-negative values that sum to 1."""
    shape = (probes, *model.input_shape[1:])
    outputs = keras.ops.convert_to_numpy(model(np.random.default_rng(0).random(shape, np.float32)))
    return bool(outputs.ndim == 2 and np.all(outputs >= 0) and np.allclose(outputs.sum(axis=1), 1.0, atol=1e-4))


def _layers_in_call_order(model: keras.Model):
    """All layers, nested models flattened, in the order Keras lists them."""
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            yield from _layers_in_call_order(layer)
        else:
            yield layer


def find_final_dense(model: keras.Model) -> keras.layers.Dense | None:
    """The last Dense layer, if only activation layers (Softmax, Activation, ReLU) come after it."""
    for layer in reversed(list(_layers_in_call_order(model))):
        if isinstance(layer, keras.layers.Dense):
            return layer
        if not isinstance(layer, (keras.layers.Softmax, keras.layers.Activation, keras.layers.ReLU, keras.layers.InputLayer)):
            return None
    return None


def _output_activations(model: keras.Model, dense: keras.layers.Dense) -> list[str]:
    """The activations applied to the final Dense layer's output, in order: its own, then those
    of the activation layers after it (`find_final_dense` allows only those there)."""
    names, after = [], False
    for layer in _layers_in_call_order(model):
        if layer is dense:
            after, activation = True, dense.activation
        elif after and isinstance(layer, keras.layers.ReLU):
            activation = keras.activations.relu
        elif after and isinstance(layer, keras.layers.Softmax):
            activation = keras.activations.softmax
        elif after and isinstance(layer, keras.layers.Activation):
            activation = layer.activation
        else:
            continue
        names.append(getattr(activation, "__name__", str(activation)))
    return names


def _log_probabilities(model: keras.Model, inputs):
    """log(softmax output): the logits up to a per-sample constant, which softmax ignores."""
    return keras.ops.log(keras.ops.maximum(model(inputs), 1e-30))


def from_keras(model: keras.Model, source: str = "<keras model>") -> Teacher:
    """Wraps a Keras classifier as a frozen `Teacher` whose `logits_model` outputs logits."""
    if len(model.inputs or []) != 1 or len(model.outputs or []) != 1:
        raise TfdfkdError(f"teacher {source} must take one image input and give one output", "wrap it in a single-input, single-output keras.Model")
    if len(model.input_shape) != 4:
        raise TfdfkdError(f"teacher {source} takes inputs of shape {model.input_shape}, not images (N, H, W, C)", "give an image classifier")
    check_float_input(model, f"teacher {source}")
    model.trainable = False
    dense = find_final_dense(model)
    activations = _output_activations(model, dense) if dense is not None else []
    # Anything but softmax after the logits (a ReLU zeroes the negative ones) leaves outputs that
    # are neither logits nor probabilities, and KD at a temperature would chase the clipped values.
    squashing = next((name for name in activations if name not in ("linear", "softmax")), None)
    if squashing is not None:
        raise TfdfkdError(f"teacher {source} applies {squashing} after its final Dense layer {dense.name!r}, so its outputs are not logits",
                          "give the classifier with a linear or softmax output (rebuild the last layer without that activation)")
    logits_model = model
    if "softmax" in activations:
        # Softmax outputs lose the temperature: recompute logits. From the Dense layer's own
        # input when it sits in the top-level graph; inside a nested model, as log-probabilities,
        # which equal the logits up to a per-sample constant that softmax ignores.
        inputs = keras.Input(shape=model.input_shape[1:], name="image")
        features = dense_features(model, dense) if dense in model.layers else None
        if features is not None:
            logits = keras.ops.matmul(features(inputs), dense.kernel)
            if dense.use_bias:
                logits = keras.ops.add(logits, dense.bias)
        else:
            logits = _log_probabilities(model, inputs)
        logits_model = keras.Model(inputs, logits, name=f"{model.name}_logits")
    logits_model.trainable = False
    return Teacher(logits_model=logits_model, source=source, final_dense=dense)


def check_float_input(model: keras.Model, what: str) -> None:
    """Refuses a model whose image input is not floating point: synthesis optimises float32
    pixels in [0, 1] by gradient, which an integer input would cut off."""
    dtype = keras.backend.standardize_dtype(model.inputs[0].dtype)
    if not dtype.startswith(("float", "bfloat")):
        raise TfdfkdError(f"{what} takes {dtype} images, but synthesis and distillation feed float32 pixels in [0, 1]",
                          "give a model whose input is float (cast or rescale inside the model if it was trained on integers)")


def dense_features(model: keras.Model, dense: keras.layers.Dense) -> keras.Model | None:
    """A model from `model`'s input to `dense`'s input in `model`'s own graph (a shared layer has several)."""
    inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs  # a single input takes a bare tensor
    for node in dense._inbound_nodes:
        try:
            return keras.Model(inputs, node.input_tensors[0])
        except ValueError:
            continue
    return None
