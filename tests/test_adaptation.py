"""Source-free domain adaptation (tfdfkd.corruptions, tfdfkd.adaptation, tfdfkd.adaptation_run,
tools/adapt.py) on digits."""

import json
import os

import keras
import numpy as np
import pytest
from test_cli import run_tool

from tfdfkd import adaptation, adaptation_run, corruptions, data, models
from tfdfkd.distill import accuracy
from tfdfkd.errors import TfdfkdError


@pytest.mark.parametrize("name", sorted(corruptions.CORRUPTIONS))
def test_corruptions_are_seeded_stay_in_range_and_change_the_images(name, digits_test):
    images = digits_test.images[:64]
    shifted = corruptions.apply(name, images, seed=3)
    assert shifted.shape == images.shape and shifted.dtype == np.float32
    assert shifted.min() >= 0.0 and shifted.max() <= 1.0
    assert np.abs(shifted - images).mean() > 0.01
    np.testing.assert_array_equal(shifted, corruptions.apply(name, images, seed=3))


def test_corruption_none_keeps_the_images_and_unknown_names_are_refused(digits_test):
    images = digits_test.images[:4]
    assert corruptions.apply("none", images) is images
    with pytest.raises(TfdfkdError, match="unknown corruption 'snow'"):
        corruptions.apply("snow", images)


def test_the_split_classifier_and_the_adapted_copy_give_the_source_logits(digits_teacher, digits_test):
    model, images = digits_teacher.logits_model, digits_test.images[:32]
    encoder, head = adaptation.split_classifier(model)
    expected = model(images).numpy()
    np.testing.assert_allclose(head(encoder(images)).numpy(), expected, rtol=1e-5, atol=1e-5)
    adapted = adaptation.adapted_classifier(models.copy(encoder), head)
    np.testing.assert_allclose(adapted(images).numpy(), expected, rtol=1e-5, atol=1e-5)
    assert all(layer.trainable for layer in adapted.layers)


def test_a_softmax_head_is_split_into_logits_and_a_headless_model_is_refused():
    inputs = keras.Input((32, 32, 1))
    features = keras.layers.Dense(8, activation="relu")(keras.layers.Flatten()(inputs))
    model = keras.Model(inputs, keras.layers.Dense(3, activation="softmax")(features))
    encoder, head = adaptation.split_classifier(model)
    x = np.random.default_rng(0).uniform(size=(4, 32, 32, 1)).astype("float32")
    logits = adaptation.adapted_classifier(encoder, head)(x).numpy()
    np.testing.assert_allclose(keras.ops.softmax(logits).numpy(), model(x).numpy(), rtol=1e-5, atol=1e-6)
    pooled = keras.Model(inputs, keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(3, 3)(inputs)))
    with pytest.raises(TfdfkdError, match="no final Dense layer"):
        adaptation.split_classifier(pooled)


def _shifted_digits():
    train = data.load("digits", "train")
    half = len(train) // 2  # source and target images are different digits
    return train.images[:half], corruptions.apply("contrast", train.images[half:], seed=0)


def test_adversarial_adaptation_recovers_accuracy_on_a_shifted_domain(digits_teacher, digits_test, tmp_path, strategy):
    source, target = _shifted_digits()
    test_images = corruptions.apply("contrast", digits_test.images, seed=1)
    model = digits_teacher.logits_model
    before = accuracy(model, test_images, digits_test.labels)
    source_weights = [w.copy() for w in model.get_weights()]
    config = adaptation_run.AdaptConfig(steps=300, steps_per_epoch=100, batch_size=64)
    adapted, record = adaptation_run.adapt(model, source, target, config, str(tmp_path), strategy, verbose=0)
    after = accuracy(adapted, test_images, digits_test.labels)
    assert before < 0.85 and after > before + 0.1, (before, after)
    for old, new in zip(source_weights, model.get_weights()):  # the source model is never trained
        np.testing.assert_array_equal(old, new)
    assert set(record["final_logs"]) >= {"discriminator_loss", "encoder_loss", "domain_accuracy"}
    assert os.listdir(tmp_path / "tensorboard")


def test_a_killed_adaptation_resumes_from_its_last_backup(digits_teacher, tmp_path, monkeypatch):
    source, target = _shifted_digits()
    epochs_seen = []

    class Watch(keras.callbacks.Callback):  # stands in for EvalAccuracy (first of the callbacks)
        def __init__(self, *args, kill_at=None):
            super().__init__()
            self.kill_at = kill_at

        def on_epoch_begin(self, epoch, logs=None):
            epochs_seen.append(epoch)
            if epoch == self.kill_at:
                raise KeyboardInterrupt

    config = adaptation_run.AdaptConfig(steps=40, steps_per_epoch=10, batch_size=32)
    monkeypatch.setattr(adaptation_run, "EvalAccuracy", lambda *args: Watch(kill_at=2))
    with pytest.raises(KeyboardInterrupt):
        adaptation_run.adapt(digits_teacher.logits_model, source, target, config, str(tmp_path), eval_set=(target, target), verbose=0)
    assert epochs_seen == [0, 1, 2]
    monkeypatch.setattr(adaptation_run, "EvalAccuracy", lambda *args: Watch())
    epochs_seen.clear()
    adaptation_run.adapt(digits_teacher.logits_model, source, target, config, str(tmp_path), eval_set=(target, target), verbose=0)
    assert epochs_seen == [2, 3]


def test_a_work_dir_holding_another_adaptation_is_refused_not_resumed(digits_teacher, tmp_path):
    source, target = _shifted_digits()
    config = adaptation_run.AdaptConfig(steps=10, steps_per_epoch=10, batch_size=32)
    adaptation_run.adapt(digits_teacher.logits_model, source, target, config, str(tmp_path), verbose=0)
    longer = adaptation_run.AdaptConfig(steps=20, steps_per_epoch=10, batch_size=32)
    with pytest.raises(TfdfkdError, match=r"other settings \(config\)"):
        adaptation_run.adapt(digits_teacher.logits_model, source, target, longer, str(tmp_path), verbose=0)
    with pytest.raises(TfdfkdError, match=r"other settings \(target_images\)"):
        adaptation_run.adapt(digits_teacher.logits_model, source, target[::-1], config, str(tmp_path), verbose=0)
    _, record = adaptation_run.adapt(digits_teacher.logits_model, source, target, config, str(tmp_path), verbose=0)
    assert set(record["final_logs"]) >= {"encoder_loss", "discriminator_loss"}  # the same run: finished, its logs kept


def test_too_few_images_for_a_batch_are_refused(digits_teacher):
    source, target = _shifted_digits()
    with pytest.raises(TfdfkdError, match="fewer than one batch"):
        adaptation_run.adapt(digits_teacher.logits_model, source[:10], target, adaptation_run.AdaptConfig(batch_size=64), "/nonexistent")


def test_the_tool_exports_the_adapted_classifier_and_refuses_bad_input(tmp_path):
    out = str(tmp_path / "adapted")
    args = ["--source_model=lenet5_digits", "--source_images=digits", "--num_source_images=600", "--target=digits", "--corruption=contrast",
            "--num_target_images=600", "--steps=20", "--steps_per_epoch=10", "--batch_size=64"]
    result = run_tool(*args, f"--out={out}", tool="adapt.py")
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(os.listdir(out)) == ["adapted", "adapted.keras", "metrics.json", "tensorboard"]
    with open(os.path.join(out, "metrics.json")) as f:
        metrics = json.load(f)
    assert metrics["method"] == "adapt" and metrics["num_samples"] == 600 and metrics["num_target_images"] == 600
    for key in ("teacher_accuracy", "student_accuracy", "source_accuracy_clean", "adapted_accuracy_clean", "seconds", "command", "commit"):
        assert key in metrics, key
    assert "adapted: target test accuracy" in result.stdout
    again = run_tool(*args, f"--out={out}", tool="adapt.py")
    assert again.returncode == 2 and "exists" in again.stderr
    os.makedirs(tmp_path / "other.partial")
    with open(tmp_path / "other.partial" / "source.json", "w") as f:
        json.dump({"source_model": "lenet5_bn_digits"}, f)
    other = run_tool(*args, f"--out={tmp_path / 'other'}", tool="adapt.py")
    assert other.returncode == 2 and "other settings" in other.stderr
    bad = run_tool(*args[:-1], "--corruption=snow", f"--out={tmp_path / 'bad'}", tool="adapt.py")
    assert bad.returncode == 2 and "--corruption=snow" in bad.stderr.splitlines()[-1]
    assert not os.path.exists(tmp_path / "bad") and not os.path.exists(tmp_path / "bad.partial")


def test_the_tool_adapts_a_keras_file_with_a_softmax_output_and_checks_its_settings(tmp_path):
    inputs = keras.Input((32, 32, 1))
    features = keras.layers.Dense(16, activation="relu")(keras.layers.Flatten()(inputs))
    path = str(tmp_path / "softmax.keras")
    keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(features)).save(path)
    args = [f"--source_model={path}", "--source_images=digits", "--num_source_images=200", "--target=digits",
            "--corruption=fog", "--num_target_images=200", "--steps=10", "--steps_per_epoch=10", "--batch_size=32"]
    result = run_tool(*args, f"--out={tmp_path / 'adapted'}", tool="adapt.py")
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(os.listdir(tmp_path / "adapted")) == ["adapted", "adapted.keras", "metrics.json", "tensorboard"]
    uneven = run_tool(*args[:-2], "--steps=15", "--steps_per_epoch=10", f"--out={tmp_path / 'uneven'}", tool="adapt.py")
    assert uneven.returncode == 2 and "multiple of --steps_per_epoch" in uneven.stderr.splitlines()[-1]
    negative = run_tool(*args[:-4], "--num_target_images=-5", *args[-3:], f"--out={tmp_path / 'negative'}", tool="adapt.py")
    assert negative.returncode == 2 and "--num_target_images=-5 is negative" in negative.stderr.splitlines()[-1]
    os.makedirs(tmp_path / "foreign.partial")
    (tmp_path / "foreign.partial" / "notes.txt").write_text("a user's file")
    foreign = run_tool(*args, f"--out={tmp_path / 'foreign'}", tool="adapt.py")
    assert foreign.returncode == 2 and "holds files of no unfinished run" in foreign.stderr.splitlines()[-1]
    assert (tmp_path / "foreign.partial" / "notes.txt").read_text() == "a user's file"
    # Refused before the run claims its directory, so the corrected command is not refused after.
    big = run_tool(*args[:-1], "--batch_size=500", f"--out={tmp_path / 'big'}", tool="adapt.py")
    assert big.returncode == 2 and "fewer than one batch of 500" in big.stderr.splitlines()[-1]
    assert not os.path.exists(tmp_path / "big.partial")
    from tfdfkd import models

    models.build("lenet5", (32, 32, 1), 3).save(tmp_path / "three.keras")
    three = run_tool(f"--source_model={tmp_path / 'three.keras'}", *args[1:], f"--out={tmp_path / 'three'}", tool="adapt.py")
    assert three.returncode == 2 and "has 10 classes" in three.stderr.splitlines()[-1]
    flat = keras.Input((32, 32, 1))
    keras.Model(flat, keras.layers.Dense(10)(keras.layers.Flatten()(flat))).save(tmp_path / "flat.keras")
    headless = run_tool(f"--source_model={tmp_path / 'flat.keras'}", *args[1:], f"--out={tmp_path / 'flat'}", tool="adapt.py")
    assert headless.returncode == 2 and "no layer with weights before its final Dense" in headless.stderr.splitlines()[-1]
    assert not [p for p in os.listdir(tmp_path) if p.startswith(("three", "flat")) and not p.endswith(".keras")]
