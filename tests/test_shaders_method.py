"""The shader method (Frank & Davis): teacher-balanced set, augmentation, mixup, the adversarial
distiller, and tools/distill.py end to end on a tiny rendered cache (the `shader_cache` fixture)."""

import json
import os
import subprocess
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfdfkd import disagreement, distill, models, synthesis
from tfdfkd import teacher as teachers
from tfdfkd.adversarial_distill import AdversarialDistiller
from tfdfkd.augment import ShaderAugmentation, mixup
from tfdfkd.distill import hinton_per_example
from tfdfkd.errors import TfdfkdError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def shaders(digits_teacher, shader_cache, strategy):
    return synthesis.create("shaders", digits_teacher, strategy, cache=shader_cache)


def test_balanced_set_never_assigns_the_predicted_class_and_is_balanced(shaders, digits_teacher):
    batch = shaders.synthesize(200, seed=3)
    classes = batch.targets.argmax(-1)
    np.testing.assert_array_equal(batch.targets, np.eye(10, dtype=np.float32)[classes])  # one-hot
    np.testing.assert_array_equal(np.bincount(classes, minlength=10), np.full(10, 20))  # 20 per class
    predicted = np.argmax(digits_teacher.logits_model(batch.images), -1)
    assert not np.any(predicted == classes)  # eq. (3): F_t(x) != t for every pair
    # the 20 images of each class come from the other classes in turn (2 or 3 each)
    others = len(shaders.present) - 1
    for c in range(10):
        counts = np.bincount(predicted[classes == c], minlength=10)
        sources = np.delete(counts, c)[np.delete(np.isin(np.arange(10), shaders.present), c)]
        assert set(sources) <= {20 // others, -(-20 // others)}, (c, counts)
    assert batch.images.dtype == np.float32 and batch.images.min() >= 0.0 and batch.images.max() <= 1.0


def test_balanced_set_is_a_pure_function_of_the_seed(shaders):
    first, again, other = shaders.synthesize(50, 7), shaders.synthesize(50, 7), shaders.synthesize(50, 8)
    np.testing.assert_array_equal(first.images, again.images)
    np.testing.assert_array_equal(first.targets, again.targets)
    assert not np.array_equal(first.images, other.images)


def _teacher(input_shape, constant_class=None):
    inputs = keras.Input(input_shape)
    dense = keras.layers.Dense(10)
    model = keras.Model(inputs, dense(keras.layers.Flatten()(inputs)))
    if constant_class is not None:  # predicts `constant_class` for every image
        dense.set_weights([np.zeros(dense.kernel.shape, np.float32), np.eye(10, dtype=np.float32)[constant_class]])
    return teachers.from_keras(model)


@pytest.mark.parametrize("teacher_shape, message", [((16, 16, 1), "the teacher needs 16x16 grey"), ((32, 32, 3), "the teacher needs 32x32 RGB")])
def test_a_cache_of_another_shape_is_refused_with_a_fix(shader_cache, teacher_shape, message):
    with pytest.raises(TfdfkdError, match=message) as error:
        synthesis.create("shaders", _teacher(teacher_shape), cache=shader_cache)
    assert "render_shaders.py" in error.value.fix


def test_a_missing_cache_and_a_one_class_teacher_are_refused(shader_cache, tmp_path):
    with pytest.raises(TfdfkdError, match="no shader cache"):
        synthesis.create("shaders", _teacher((32, 32, 1)), cache=str(tmp_path / "nothing"))
    with pytest.raises(TfdfkdError, match="as class 3") as error:
        synthesis.create("shaders", _teacher((32, 32, 1), constant_class=3), cache=shader_cache)
    assert "more varied cache" in error.value.fix


@pytest.mark.parametrize("channels", [1, 3])
def test_augmentation_keeps_shapes_and_range_at_every_level(shaders, channels):
    x = np.repeat(shaders.synthesize(64, 0).images, channels, axis=-1)
    for level in ("standard", "minimal", "none"):
        layer = ShaderAugmentation(level, seed=0)
        out = np.asarray(layer(x, training=True))
        assert out.shape == x.shape and out.dtype == np.float32 and out.min() >= 0.0 and out.max() <= 1.0
        changed = np.mean(np.any(np.abs(out - x) > 1e-6, axis=(1, 2, 3)))
        assert changed == 0.0 if level == "none" else changed > 0.5, (level, changed)
        np.testing.assert_array_equal(np.asarray(layer(x, training=False)), x)
    data = tf.data.Dataset.from_tensor_slices(x).batch(32)  # the way the pipeline runs it, in tf.data
    layer = ShaderAugmentation(seed=1)
    assert [b.shape for b in data.map(lambda b: layer(b, training=True))] == [(32, 32, 32, channels)] * 2


def test_mixup_mixes_images_and_targets_with_the_same_weights(shaders):
    x = shaders.synthesize(10, 0).images
    targets = np.eye(10, dtype=np.float32)  # image i has its own class, so a mixed target names both parents
    mixed, mixed_targets, lam = (np.asarray(v) for v in mixup(x, targets, seed=[4, 2]))
    np.testing.assert_allclose(mixed_targets.sum(-1), 1.0, rtol=1e-6)
    for i in range(10):
        others = np.where(np.arange(10) == i, 0.0, mixed_targets[i])
        partner = int(np.argmax(others)) if others.max() > 0 else i  # mixed with itself: the row is one-hot
        if partner != i:
            np.testing.assert_allclose(mixed_targets[i, i], lam[i], rtol=1e-5)
        np.testing.assert_allclose(mixed[i], lam[i] * x[i] + (1 - lam[i]) * x[partner], atol=1e-6)
    assert np.all((lam >= 0) & (lam <= 1))
    tiny = np.asarray(mixup(x, targets, seed=[0, 1], alpha=1e-3)[2])  # alpha -> 0: lambda is 0 or 1, never NaN
    assert np.all(np.isfinite(tiny)) and np.all((tiny < 1e-3) | (tiny > 1 - 1e-3))



def test_mixup_alpha_one_mixes_uniformly_where_a_drawn_alpha_mostly_does_not():
    x = np.zeros((4096, 1, 1, 1), np.float32)
    fixed = np.concatenate([np.asarray(mixup(x, None, seed=[s, 0], alpha=1.0)[2]) for s in range(4)])
    drawn = np.concatenate([np.asarray(mixup(x, None, seed=[s, 0])[2]) for s in range(40)])
    assert abs(np.mean((fixed > 0.1) & (fixed < 0.9)) - 0.8) < 0.02  # lambda ~ U(0, 1)
    assert np.mean((drawn > 0.1) & (drawn < 0.9)) < 0.65  # alpha ~ U(0, 1): lambda mostly near 0 or 1


@pytest.mark.parametrize("setting, name", [({"mixup_alpha": -1.0}, "mixup_alpha"), ({"disagreement_eps": -1.0}, "disagreement_eps"),
                                           ({"disagreement_steps": 0}, "disagreement_steps")])
def test_out_of_range_mixup_and_disagreement_settings_are_refused(shader_cache, digits_teacher, setting, name):
    with pytest.raises(TfdfkdError, match=name):
        synthesis.create("shaders", digits_teacher, cache=shader_cache, **setting)

def test_per_example_loss_is_the_textbook_hinton_loss():
    rng = np.random.default_rng(0)
    t, s = rng.normal(size=(16, 10)).astype(np.float32) * 2, rng.normal(size=(16, 10)).astype(np.float32) * 2
    per_example = hinton_per_example(t, s, 20.0).numpy()
    assert per_example.shape == (16,)
    np.testing.assert_allclose(per_example.mean(), float(distill.hinton_loss(20.0).compute_loss(t, s)), rtol=1e-4)


SWITCHES = [  # (settings, examples per image of the batch, copies of the attacked images the filter weighs)
    ({}, 6, 4),  # unmixed, mixed, post, pre, deeper post, deeper pre
    ({"border_examples": False, "deeper_examples": False}, 2, 0),
    ({"deeper_examples": False}, 4, 2),
    ({"border_examples": False}, 4, 2),
    ({"use_pre": False}, 4, 2),
    ({"clean_examples": False}, 4, 4),
    ({"mixup": False}, 5, 4),
    ({"mixup": False, "border_examples": False, "deeper_examples": False}, 1, 0),
    ({"attack_normal": True}, 10, 4),  # both the unmixed and the mixed images are attacked
    ({"disagreement_eps": 0.03}, 8, 4),  # disagreement copies of the unmixed and mixed images, never filtered
]


@pytest.mark.parametrize("settings, per_image, filtered", SWITCHES, ids=[str(s[0]) for s in SWITCHES])
def test_switches_choose_the_examples_and_the_filter_only_masks(digits_teacher, shaders, settings, per_image, filtered):
    batch = shaders.synthesize(20, 1)
    distiller = AdversarialDistiller(digits_teacher.logits_model, models.build("lenet5_half", seed=0), **settings)
    x, weight, kept = distiller.examples(batch.images, batch.targets, seed=[0, 0])
    assert x.shape == (20 * per_image, 32, 32, 1) and weight.shape == (20 * per_image,)
    masked = weight.numpy()[len(weight) - len(kept) * filtered:] if filtered else np.zeros(0)
    np.testing.assert_array_equal(masked, np.tile(kept.numpy().astype(np.float32), filtered))  # 0 where filtered out
    assert np.all(weight.numpy()[: len(weight) - len(masked)] == 1.0)
    unfiltered = AdversarialDistiller(digits_teacher.logits_model, models.build("lenet5_half", seed=0), filter_pairs=False, **settings)
    assert np.all(unfiltered.examples(batch.images, batch.targets, seed=[0, 0])[1].numpy() == 1.0)


def test_disagreement_copies_of_the_clean_examples_stay_within_eps_and_widen_the_gap(digits_teacher, shaders):
    batch = shaders.synthesize(20, 1)
    distiller = AdversarialDistiller(digits_teacher.logits_model, models.build("lenet5_half", seed=0), disagreement_eps=0.05,
                                     border_examples=False, deeper_examples=False)
    x, weight, _ = distiller.examples(batch.images, batch.targets, seed=[0, 0])
    clean, copies = x[:40], x[40:]
    assert 0 < float(tf.reduce_max(tf.abs(copies - clean))) <= 0.05 + 1e-6
    gap = lambda images: float(tf.reduce_mean(distill.hinton_per_example(  # noqa: E731
        digits_teacher.logits_model(images), distiller.student(images), 20.0)))
    assert gap(copies) > gap(clean)
    one_by_one = tf.concat([disagreement.disagreement_copies(digits_teacher.logits_model, distiller.student, part, 0.05, 1, 20.0)
                            for part in (clean[:20], clean[20:])], axis=0)  # each copy depends on its own image only
    assert np.mean(np.isclose(copies.numpy(), one_by_one.numpy(), atol=1e-5)) > 0.999
    with pytest.raises(ValueError, match="disagreement_eps"):
        AdversarialDistiller(digits_teacher.logits_model, models.build("lenet5_half", seed=0), disagreement_eps=-1.0)


def test_adversarial_distiller_trains_the_student_and_never_the_teacher(digits_teacher, shaders, strategy):
    batch = shaders.synthesize(200, 0)
    with strategy.scope():
        student = models.build("lenet5_half", seed=0)
        distiller = shaders.distiller(student, 20.0, seed=0)
        distiller.compile(optimizer=keras.optimizers.SGD(0.01, momentum=0.9, weight_decay=1e-3))
    teacher_before = [w.copy() for w in digits_teacher.logits_model.get_weights()]
    student_before = [w.copy() for w in student.get_weights()]
    data = tf.data.Dataset.from_tensor_slices((batch.images, batch.targets)).batch(50)
    history = distiller.fit(data, epochs=2, verbose=0, shuffle=False).history
    assert all(np.isfinite(history["loss"])) and history["loss"] == history["distillation_loss"]
    assert 0.0 < history["kept"][-1] <= 1.0
    for before, after in zip(teacher_before, digits_teacher.logits_model.get_weights(), strict=True):
        np.testing.assert_array_equal(before, after)
    assert all(not np.array_equal(b, a) for b, a in zip(student_before, student.get_weights(), strict=True))


_REPLICA_SCRIPT = """
import json, sys, numpy as np, tensorflow as tf
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
import keras
from tfdfkd import models, synthesis, teacher
shaders = synthesis.create("shaders", teacher.load("lenet5_digits"), cache=sys.argv[1], mixup=False)
batch = shaders.synthesize(64, 0)
for devices in (["/cpu:0"], ["/cpu:0", "/cpu:1"]):
    strategy = tf.distribute.MirroredStrategy(devices)
    with strategy.scope():
        student = models.build("lenet5_half", seed=0)
        distiller = shaders.distiller(student, 20.0)
        distiller.compile(optimizer=keras.optimizers.SGD(0.01))
    logs = distiller.fit(tf.data.Dataset.from_tensor_slices((batch.images, batch.targets)).batch(64), verbose=0, shuffle=False).history
    weights = np.concatenate([w.ravel() for w in student.get_weights()]).tolist()
    print(json.dumps({"loss": logs["loss"][0], "kept": logs["kept"][0], "weights": weights}))
"""


@pytest.mark.slow
def test_one_and_two_replicas_take_the_same_step(shader_cache):
    """The filtered mean is over the global batch: splitting it across replicas changes nothing
    (without mixup, whose draws differ per replica)."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ROOT}
    result = subprocess.run([sys.executable, "-c", _REPLICA_SCRIPT, shader_cache], capture_output=True, text=True, timeout=300,
                            env=env, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    one, two = (json.loads(line) for line in result.stdout.strip().splitlines()[-2:])
    np.testing.assert_allclose([one["loss"], one["kept"]], [two["loss"], two["kept"]], rtol=1e-5)
    np.testing.assert_allclose(one["weights"], two["weights"], atol=1e-6)


def _run_tool(*args, timeout=300):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ROOT}
    return subprocess.run([sys.executable, os.path.join(ROOT, "tools", "distill.py"), *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT, check=False)


def test_quick_shaders_flagfile_runs_end_to_end(shader_cache, tmp_path, digits_teacher):
    out = str(tmp_path / "shaders")
    result = _run_tool("--flagfile=tools/flags/shaders_digits_quick.flags", f"--synth_settings=cache={shader_cache}", f"--out={out}")
    assert result.returncode == 0, result.stderr[-2000:]
    with open(os.path.join(out, "metrics.json")) as f:
        metrics = json.load(f)
    assert metrics["method"] == "shaders" and metrics["num_samples"] == 300 and 0.0 <= metrics["student_accuracy"] <= 1.0
    with open(os.path.join(out, "config.json")) as f:
        config = json.load(f)
    assert config["distill_optimizer"] == "sgd" and config["distill_weight_decay"] == 1e-3
    from tfdfkd.transfer_set import TransferSet

    images, targets = TransferSet(os.path.join(out, "transfer_set")).shard(0)
    assert not np.any(np.argmax(digits_teacher.logits_model(images), -1) == targets.argmax(-1))


def test_missing_cache_is_a_one_line_error(tmp_path):
    out = str(tmp_path / "out")
    result = _run_tool("--teacher=lenet5_digits", "--method=shaders", f"--synth_settings=cache={tmp_path / 'none'}", f"--out={out}")
    assert result.returncode == 2
    last = [line for line in result.stderr.splitlines() if line.strip()][-1]
    assert last.startswith("error: no shader cache") and "Fix:" in last
    assert not os.path.exists(out) and not os.path.exists(out + ".partial")


def test_unknown_augmentation_level_is_refused_before_the_cache_is_read(digits_teacher, tmp_path):
    with pytest.raises(TfdfkdError, match="augment='heavy' is unknown"):
        synthesis.create("shaders", digits_teacher, cache=str(tmp_path / "no_cache"), augment="heavy")
