"""Data-free pruning (tfdfkd.pruning, tfdfkd.pruning_run, tools/prune.py) on digits."""

import dataclasses
import json
import os

import keras
import numpy as np
import pytest
from test_cli import run_tool

from tfdfkd import models, pruning, pruning_run
from tfdfkd.errors import TfdfkdError
from tfdfkd.pruning_run import PruneConfig


def _zeroed(model, layer_name, index):
    """A copy of `model` whose filter `index` of `layer_name` is switched off at its gate."""
    twin = keras.models.clone_model(model)
    twin.set_weights(model.get_weights())
    chain = pruning.layer_chain(twin)
    position = [layer.name for layer in chain].index(layer_name)
    following = next(layer for layer in chain[position + 1 :] if layer.weights)
    gate = following if isinstance(following, keras.layers.BatchNormalization) else chain[position]
    values = gate.get_weights()
    if gate is chain[position]:
        values = [v.copy() for v in values]
        for v in values:
            v[..., index] = 0.0
    else:  # BatchNormalization: gamma and beta to zero, so the channel is 0 before the ReLU
        values[0][index] = values[1][index] = 0.0
    gate.set_weights(values)
    return twin


@pytest.mark.parametrize("zoo_name", ["lenet5_digits", "lenet5_bn_digits"])
@pytest.mark.parametrize("layer_name, index", [("conv1", 2), ("conv2", 5), ("fc1", 7), ("fc2", 0)])
def test_removing_a_filter_equals_switching_it_off(zoo_name, layer_name, index, digits_test):
    from tfdfkd import teacher

    model = teacher.load(zoo_name).logits_model
    keep = {layer.name: np.arange(layer.kernel.shape[-1]) for layer in pruning.prunable_layers(model)}
    keep[layer_name] = np.delete(keep[layer_name], index)
    smaller = pruning.shrink(model, keep)
    images = digits_test.images[:16]
    np.testing.assert_allclose(smaller(images).numpy(), _zeroed(model, layer_name, index)(images).numpy(), rtol=1e-4, atol=1e-4)
    assert pruning.filter_count(smaller) == pruning.filter_count(model) - 1
    assert smaller.count_params() < model.count_params()


def test_a_functional_alexnet_shrinks_to_a_working_smaller_model():
    model = models.build("alexnet_half", (32, 32, 1), 10, seed=0)
    same = pruning.shrink(model, {})
    x = np.random.default_rng(0).uniform(size=(2, 32, 32, 1)).astype("float32")
    np.testing.assert_allclose(same(x).numpy(), model(x).numpy(), rtol=1e-4, atol=1e-5)
    half = pruning.shrink(model, {layer.name: np.arange(0, layer.kernel.shape[-1], 2) for layer in pruning.prunable_layers(model)})
    assert half(x).shape == (2, 10) and pruning.multiply_adds(half) < pruning.multiply_adds(model) / 3


def test_taylor_ranking_scores_a_dead_filter_zero_and_prunes_the_lowest(digits_teacher, digits_test):
    model = _zeroed(digits_teacher.logits_model, "conv2", 3)
    scores = pruning.taylor_importance(model, digits_teacher.logits_model, digits_test.images[:256], batch_size=128)
    assert {name: len(v) for name, v in scores.items()} == {"conv1": 6, "conv2": 16, "fc1": 120, "fc2": 84}
    assert scores["conv2"][3] == 0.0 and np.count_nonzero(scores["conv2"]) >= 12  # (a filter can be dead already)
    conv_only = pruning.taylor_importance(model, digits_teacher.logits_model, digits_test.images[:256], batch_size=128, layers="conv")
    assert sorted(conv_only) == ["conv1", "conv2"] and pruning.filter_count(model, "conv") == 22
    keep = pruning.lowest_filters(scores, 100)
    assert sum(len(v) for v in keep.values()) == 226 - 100 and 3 not in keep["conv2"]
    assert all(len(v) >= 1 for v in pruning.lowest_filters(scores, 225).values())


def test_models_it_cannot_slice_are_refused():
    inputs = keras.Input((8, 8, 1))
    a = keras.layers.Conv2D(4, 3, padding="same")(inputs)
    merged = keras.layers.Add()([a, keras.layers.Conv2D(4, 3, padding="same")(inputs)])
    branching = keras.Model(inputs, keras.layers.Dense(3)(keras.layers.Flatten()(merged)))
    with pytest.raises(TfdfkdError, match="not a chain"):
        pruning.prunable_layers(branching)
    headless = keras.Sequential([keras.Input((8, 8, 1)), keras.layers.Conv2D(3, 8), keras.layers.Flatten()])
    with pytest.raises(TfdfkdError, match="Dense classifier"):
        pruning.prunable_layers(headless)
    with pytest.raises(TfdfkdError, match="between 0 and 1"):
        pruning.prune_rounds(100, 1.5, 3)
    assert pruning.prune_rounds(226, 0.5, 5) == [23, 23, 23, 23, 21]


def test_distillation_recovers_a_pruned_network_and_a_killed_run_resumes(digits_bn_teacher, digits_test, tmp_path, monkeypatch):
    from tfdfkd import data

    teacher = digits_bn_teacher.logits_model
    images = data.load("digits", "train").images
    config = pruning_run.PruneConfig(fraction=0.6, rounds=3, round_epochs=2, finetune_epochs=4, ranking_images=512, batch_size=64)
    distill = pruning_run._distill
    calls = []

    def killed_in_round_3(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return distill(*args, **kwargs)

    monkeypatch.setattr(pruning_run, "_distill", killed_in_round_3)
    with pytest.raises(KeyboardInterrupt):
        pruning_run.prune(teacher, images, config, str(tmp_path), eval_set=(digits_test.images, digits_test.labels))
    with open(tmp_path / "progress.json") as f:
        finished = json.load(f)["rounds"]
    assert [r["round"] for r in finished] == [1, 2]
    monkeypatch.setattr(pruning_run, "_distill", distill)
    student, record = pruning_run.prune(teacher, images, config, str(tmp_path), eval_set=(digits_test.images, digits_test.labels))
    assert record["rounds"][:2] == finished and len(record["rounds"]) == 3
    assert pruning.filter_count(student) == 226 - round(0.6 * 226)
    worst = min(r["accuracy_after_pruning"] for r in record["rounds"])
    final = float(np.mean(np.argmax(student(digits_test.images).numpy(), axis=-1) == digits_test.labels))
    assert final > 0.9 and final > worst


def test_the_tool_exports_a_smaller_student_and_refuses_bad_input(tmp_path):
    out = str(tmp_path / "pruned")
    args = ["--teacher=lenet5_digits", "--images=digits", "--prune_fraction=0.3", "--rounds=1", "--round_epochs=0",
            "--finetune_epochs=1", "--ranking_images=256", "--batch_size=128"]
    result = run_tool(*args, f"--out={out}", tool="prune.py")
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(os.listdir(out)) == ["metrics.json", "student", "student.keras", "tensorboard"]
    with open(os.path.join(out, "metrics.json")) as f:
        metrics = json.load(f)
    assert metrics["method"] == "prune" and metrics["student_filters"] == 226 - 68 and metrics["num_samples"] == 1437
    assert metrics["student_parameters"] < metrics["teacher_parameters"] and "commit" in metrics
    again = run_tool(*args, f"--out={out}", tool="prune.py")
    assert again.returncode == 2 and "exists" in again.stderr
    os.makedirs(tmp_path / "other.partial")
    with open(tmp_path / "other.partial" / "source.json", "w") as f:
        json.dump({"teacher": "lenet5_bn_digits", "images": "digits", "num_images": 0}, f)
    other = run_tool(*args, f"--out={tmp_path / 'other'}", tool="prune.py")
    assert other.returncode == 2 and "unfinished pruning with other settings" in other.stderr
    # Killed after its metrics were written, before it was published: the rerun only publishes it.
    os.rename(out, tmp_path / "late.partial")
    (tmp_path / "late.partial" / "round_1.keras").write_text("resume state")
    settings = PruneConfig(fraction=0.3, layers="all", rounds=1, round_epochs=0, finetune_epochs=1, ranking_images=256,
                           temperature=20.0, batch_size=128, learning_rate=1e-3, augment=True, seed=0)
    with open(tmp_path / "late.partial" / "source.json", "w") as f:
        json.dump({"teacher": "lenet5_digits", "images": "digits", "num_images": 0, "eval_dataset": "digits",
                   **dataclasses.asdict(settings)}, f)
    # Another setting must not publish it (it did: the claim recorded only the teacher and images).
    changed = run_tool(*args[:2], "--prune_fraction=0.2", *args[3:], f"--out={tmp_path / 'late'}", tool="prune.py")
    assert changed.returncode == 2 and "other settings" in changed.stderr.splitlines()[-1]
    late = run_tool(*args, f"--out={tmp_path / 'late'}", tool="prune.py")
    assert late.returncode == 0 and "finished earlier" in late.stdout, late.stderr[-2000:]
    assert sorted(os.listdir(tmp_path / "late")) == ["metrics.json", "student", "student.keras", "tensorboard"]
    models.build("lenet5", (32, 32, 1), 3).save(tmp_path / "three_classes.keras")
    inputs = keras.Input((32, 32, 1))
    keras.Model(inputs, keras.layers.Dense(10)(keras.layers.Flatten()(inputs))).save(tmp_path / "no_filters.keras")
    for name, bad_args, message in [
        ("fraction", [*args[:2], "--prune_fraction=1.2"], "--prune_fraction"),
        ("tau", [*args, "--distill_tau=-3"], "--distill_tau is -3.0"),
        ("classes", [f"--teacher={tmp_path / 'three_classes.keras'}", "--images=digits", "--eval_dataset=digits"], "has 10 classes"),
        ("filters", [f"--teacher={tmp_path / 'no_filters.keras'}", "--images=digits", "--eval_dataset=digits"], "filters"),
    ]:
        bad = run_tool(*bad_args, f"--out={tmp_path / name}", tool="prune.py")
        assert bad.returncode == 2 and message in bad.stderr.splitlines()[-1], (name, bad.stderr[-800:])
        assert not os.path.exists(tmp_path / name) and not os.path.exists(tmp_path / f"{name}.partial")
