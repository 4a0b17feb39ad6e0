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
