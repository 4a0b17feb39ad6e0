import keras
import numpy as np
import pytest

from tfdfkd import models, teacher
from tfdfkd.errors import TfdfkdError


@pytest.fixture(scope="module")
def base():
    model = models.build("lenet5_half", seed=1)
    x = np.random.default_rng(0).random((4, 32, 32, 1), np.float32)
    return model, x, model(x).numpy()


def _rebuild(base_model, head):
    inputs = keras.Input((32, 32, 1))
    h = inputs
    for layer in base_model.layers[:-1]:
        h = layer(h)
    return keras.Model(inputs, head(h))


def test_plain_logits_teacher_is_used_as_is(base):
    model, x, logits = base
    t = teacher.from_keras(model)
    assert t.final_dense is model.get_layer("logits")
    np.testing.assert_allclose(t.logits_model(x).numpy(), logits, atol=1e-5)


def test_softmax_activation_on_the_dense_layer_gives_back_logits(base):
    model, x, logits = base
    dense = keras.layers.Dense(10, activation="softmax")
    seq = keras.Sequential([keras.Input((32, 32, 1))] + model.layers[:-1] + [dense])
    dense.set_weights(model.get_layer("logits").get_weights())
    t = teacher.from_keras(seq)
    assert t.final_dense is dense
    np.testing.assert_allclose(t.logits_model(x).numpy(), logits, atol=1e-5)


def test_softmax_layer_after_the_dense_layer_in_a_functional_model(base):
    model, x, logits = base
    functional = _rebuild(model, lambda h: keras.layers.Softmax()(model.get_layer("logits")(h)))
    t = teacher.from_keras(functional)
    np.testing.assert_allclose(t.logits_model(x).numpy(), logits, atol=1e-5)


def test_nested_model_ending_in_softmax_gives_logits_up_to_a_constant(base):
    model, x, logits = base
    inputs = keras.Input((32, 32, 1))
    nested = keras.Model(inputs, keras.layers.Softmax()(model(inputs)))
    t = teacher.from_keras(nested)
    assert t.final_dense is model.get_layer("logits")
    shift = t.logits_model(x).numpy() - logits
    np.testing.assert_allclose(shift - shift.mean(axis=1, keepdims=True), 0.0, atol=1e-4)


def test_teacher_without_final_dense_layer_is_refused_for_class_templates():
    inputs = keras.Input((32, 32, 1))
    outputs = keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(10, 3)(inputs))
    t = teacher.from_keras(keras.Model(inputs, outputs))
    with pytest.raises(TfdfkdError, match="no final Dense layer"):
        t.class_templates()


def test_missing_teacher_path_is_a_clear_error(tmp_path):
    with pytest.raises(TfdfkdError, match="does not exist"):
        teacher.load(str(tmp_path / "nope.keras"))


def test_from_keras_does_not_change_the_users_weights(base):
    model, _, _ = base
    before = [w.copy() for w in model.get_weights()]
    teacher.from_keras(model)
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_saved_model_teacher_gives_the_same_logits_and_gradients(tmp_path, base):
    import tensorflow as tf

    model, x, logits = base
    path = str(tmp_path / "saved")
    model.export(path, format="tf_saved_model", verbose=False)
    t = teacher.load(path)
    np.testing.assert_allclose(np.asarray(t.logits_model(x)), logits, atol=1e-5)
    x = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        total = tf.reduce_sum(t.logits_model(x))
    assert float(tf.reduce_max(tf.abs(tape.gradient(total, x)))) > 0  # synthesis can differentiate through it


def test_saved_model_with_softmax_output_gives_logits_up_to_a_constant(tmp_path, base):
    model, x, logits = base
    probabilities = keras.Sequential([model, keras.layers.Softmax()])
    path = str(tmp_path / "saved_softmax")
    probabilities.export(path, format="tf_saved_model", verbose=False)
    recovered = np.asarray(teacher.load(path).logits_model(x))
    np.testing.assert_allclose(recovered - recovered.mean(axis=1, keepdims=True), logits - logits.mean(axis=1, keepdims=True), atol=1e-3)


def test_directory_that_is_not_a_saved_model_is_refused(tmp_path):
    with pytest.raises(TfdfkdError, match="not a SavedModel"):
        teacher.load(str(tmp_path))


@pytest.mark.parametrize("tail", ["relu_layer", "relu_activation", "dense_relu"])
def test_teacher_whose_outputs_pass_a_relu_is_refused(tail):
    inputs = keras.Input((32, 32, 1))
    features = keras.layers.Flatten()(inputs)
    if tail == "dense_relu":
        outputs = keras.layers.Dense(10, activation="relu", name="logits")(features)
    else:
        outputs = keras.layers.Dense(10, name="logits")(features)
        outputs = keras.layers.ReLU()(outputs) if tail == "relu_layer" else keras.layers.Activation("relu")(outputs)
    with pytest.raises(TfdfkdError, match="applies relu after its final Dense layer 'logits'"):
        teacher.from_keras(keras.Model(inputs, outputs))
