import keras
import numpy as np
import pytest

from tfdfkd import models
from tfdfkd.errors import TfdfkdError


@pytest.mark.parametrize("name, params", [("lenet5", 61706), ("lenet5_half", 35820)])
def test_lenet_parameter_counts_match_zskd(name, params):
    assert models.build(name).count_params() == params  # ZSKD sec. 4.1


def test_lenet5_layer_shapes_follow_table_4():
    model = models.build("lenet5")
    shapes = {layer.name: tuple(layer.output.shape[1:]) for layer in model.layers}
    assert shapes["conv1"] == (28, 28, 6)
    assert shapes["pool1"] == (14, 14, 6)
    assert shapes["conv2"] == (10, 10, 16)
    assert shapes["pool2"] == (5, 5, 16)
    assert shapes["flatten"] == (400,)
    assert shapes["fc1"] == (120,) and shapes["fc2"] == (84,) and shapes["logits"] == (10,)
    half = {layer.name: tuple(layer.output.shape[1:]) for layer in models.build("lenet5_half").layers}
    assert half["conv1"] == (28, 28, 3) and half["conv2"] == (10, 10, 8) and half["flatten"] == (200,)


def test_lenet_initialisers_are_truncated_normal_01_with_zero_bias():
    conv = models.build("lenet5").get_layer("conv1")
    assert isinstance(conv.kernel_initializer, keras.initializers.TruncatedNormal)
    assert conv.kernel_initializer.stddev == 0.1
    assert float(keras.ops.max(keras.ops.abs(conv.bias))) == 0.0
    assert conv.padding == "valid"


def test_alexnet_follows_table_5():
    model = models.build("alexnet", (32, 32, 3))
    assert model.count_params() == 1662090  # the paper rounds to 1.65M
    shapes = {layer.name: tuple(layer.output.shape[1:]) for layer in model.layers}
    assert shapes["pool1"] == (15, 15, 48) and shapes["pool2"] == (7, 7, 128) and shapes["pool5"] == (3, 3, 128)
    assert shapes["flatten"] == (1152,)
    assert [type(model.get_layer(n)).__name__ for n in ("fc1", "dropout1", "fc1_bn")] == ["Dense", "Dropout", "BatchNormalization"]
    assert float(keras.ops.mean(model.get_layer("conv2").bias)) == 1.0
    assert model.get_layer("lrn1").depth_radius == 2
    half = models.build("alexnet_half", (32, 32, 3))
    assert tuple(half.get_layer("flatten").output.shape[1:]) == (576,)
    assert half.count_params() == 418890


def test_input_channels_are_configurable():
    assert models.build("lenet5", (32, 32, 3)).input_shape == (None, 32, 32, 3)
    assert models.build("alexnet", (32, 32, 1)).input_shape == (None, 32, 32, 1)


def test_unknown_architecture_is_refused():
    with pytest.raises(TfdfkdError, match="unknown architecture"):
        models.build("resnet9000")


def test_batch_norm_recalibration_measures_statistics_without_dropout():
    import keras

    from tfdfkd.models import has_dropout_before_batch_norm, recalibrate_batch_norm

    inputs = keras.Input((4,))
    dropout, norm = keras.layers.Dropout(0.5), keras.layers.BatchNormalization()
    model = keras.Model(inputs, norm(dropout(inputs)))
    assert has_dropout_before_batch_norm(model) and not has_dropout_before_batch_norm(models.build("lenet5_bn"))
    features = np.random.default_rng(0).normal(3.0, 2.0, (4000, 4)).astype(np.float32)
    recalibrate_batch_norm(model, features, batch_size=40)  # 100 batches: 0.9^100 of the old statistics remain
    # with dropout off, the statistics are the features' own (dropout would have inflated the variance)
    np.testing.assert_allclose(norm.moving_mean.numpy(), features.mean(0), atol=0.2)
    np.testing.assert_allclose(norm.moving_variance.numpy(), features.var(0), rtol=0.15)
    assert dropout.rate == 0.5 and norm.momentum == 0.99  # restored


def test_a_copy_of_a_frozen_functional_model_trains_in_every_layer():
    from tfdfkd import teacher

    frozen = teacher.load("lenet5_digits").logits_model  # frozen by the teacher wrapper
    functional = teacher.dense_features(frozen, teacher.find_final_dense(frozen))  # its layers, in a functional model
    twin = models.copy(functional)
    assert twin.trainable_variables and all(layer.trainable for layer in twin.layers)
    assert not models.copy(functional, trainable=False).trainable_variables


def _logits_and_input_gradient(model, images):
    import tensorflow as tf

    images = tf.constant(images)
    with tf.GradientTape() as tape:
        tape.watch(images)
        logits = model(images, training=False)
        loss = tf.reduce_sum(tf.sin(logits))  # weights every logit differently
    return logits.numpy(), tape.gradient(loss, images).numpy()


@pytest.mark.parametrize("batch_norm", [False, True])
def test_the_faster_teacher_gives_the_same_logits_and_input_gradients_and_follows_the_weights(batch_norm):
    from tfdfkd.models import fast_forward

    model = models.build("lenet5", seed=3) if not batch_norm else models.LeNet5(batch_norm=True)
    fast = fast_forward.faster(model)
    assert fast is not model and type(fast.layers[0]).__name__ == "_SpaceToDepthConv"  # conv1: one channel, 5x5
    assert {id(w) for w in fast.weights} == {id(w) for w in model.weights}  # shared, not copied
    images = np.random.default_rng(0).uniform(0, 1, (16, 32, 32, 1)).astype(np.float32)
    for _ in range(2):
        (logits, gradient), (fast_logits, fast_gradient) = (_logits_and_input_gradient(m, images) for m in (model, fast))
        np.testing.assert_allclose(fast_logits, logits, rtol=1e-4, atol=1e-4 * np.abs(logits).max())
        np.testing.assert_allclose(fast_gradient, gradient, rtol=1e-3, atol=1e-4 * np.abs(gradient).max())
        conv1 = model.get_layer("conv1")
        conv1.kernel.assign(conv1.kernel * -1.5)  # the faster model reads the original's variables
        conv1.bias.assign(conv1.bias + 0.2)


def test_models_the_faster_forward_cannot_speed_up_come_back_unchanged():
    from tfdfkd.models import fast_forward

    rgb = models.build("lenet5", input_shape=(32, 32, 3))  # three input channels: already fast
    assert fast_forward.faster(rgb) is rgb
    inputs = keras.Input((32, 32, 1))
    same = keras.Model(inputs, keras.layers.Dense(3)(keras.layers.Flatten()(keras.layers.Conv2D(4, 5, padding="same")(inputs))))
    assert fast_forward.faster(same) is same  # padding other than VALID
    odd = models.build("lenet5", input_shape=(30, 30, 1))  # 30 is not a multiple of the 4x4 blocks
    assert fast_forward.faster(odd) is odd
    alexnet = models.build("alexnet", input_shape=(32, 32, 1))
    assert fast_forward.faster(alexnet) is alexnet or fast_forward.faster(alexnet).count_params() == alexnet.count_params()
