"""Every registered synthesis method honours the `Synthesizer` contract (see synthesis/base.py)."""

import numpy as np
import pytest

from tfdfkd import models, synthesis


def _quick_settings(name, request):
    """Settings that make method `name` fast: two iterations, (shaders) a tiny cache to draw from, or
    (proxy methods) the digits images as proxy."""
    if name == "shaders":
        return {"cache": request.getfixturevalue("shader_cache")}
    if name == "proxy":
        return {"proxy": "digits"}
    if name in ("dcgan", "degan"):  # two GAN steps of a narrow DCGAN on the digits images
        return {"proxy": "digits", "iterations": 2, "generator_width": 8, "discriminator_width": 8}
    return {"iterations": 2}


@pytest.mark.parametrize("name", sorted(synthesis.REGISTRY))
def test_method_honours_the_interface(digits_bn_teacher, strategy, name, request):
    synth = synthesis.create(name, digits_bn_teacher, strategy, **_quick_settings(name, request))
    if synth.needs_student():
        synth.update(models.build("lenet5_half", digits_bn_teacher.input_shape, digits_bn_teacher.num_classes, seed=0))
    batch = synth.synthesize(10, seed=0)
    assert batch.images.shape == (10,) + digits_bn_teacher.input_shape and batch.images.dtype == np.float32
    assert batch.targets is None or batch.targets.shape == (10, digits_bn_teacher.num_classes)
    assert all(np.isfinite(v) for v in batch.metrics.values())
    np.testing.assert_array_equal(synth.synthesize(10, seed=0).images, batch.images)  # a pure function of the seed
    assert not np.array_equal(synth.synthesize(10, seed=1).images, batch.images)


@pytest.mark.parametrize("name", sorted(synthesis.REGISTRY))
def test_settings_parse_from_text(name):
    defaults = synthesis.REGISTRY[name].default_config()
    # shaders and proxy: no synthesis iterations
    field = "iterations" if hasattr(defaults, "iterations") else {"shaders": "border_iterations"}.get(name, "histogram_samples")
    (key, value), = synthesis.parse_settings(name, [f"{field}=7"])
    assert key == field and value == 7 and isinstance(getattr(defaults, field), int)


@pytest.mark.parametrize("batch_size, num_classes", [(500, 10), (64, 10), (8, 10), (7, 3)])
def test_balanced_classes_give_each_class_its_share_and_spread_the_remainder(batch_size, num_classes):
    draws = [synthesis.base.balanced_classes(batch_size, num_classes, np.random.default_rng(seed)) for seed in range(20)]
    for classes in draws:
        counts = np.bincount(classes, minlength=num_classes)
        assert len(classes) == batch_size and counts.max() - counts.min() <= 1
    extras = np.sum([np.bincount(c, minlength=num_classes) - batch_size // num_classes for c in draws], axis=0)
    assert np.all(extras > 0) or batch_size % num_classes == 0  # the extra slots do not always go to the same classes
    if batch_size % num_classes == 0:  # the layout of earlier versions, so records stay reproducible
        np.testing.assert_array_equal(draws[0], np.arange(batch_size) % num_classes)


@pytest.mark.parametrize("name", ["class_impressions", "deepinversion", "shaders"])
def test_batches_smaller_than_the_class_count_still_reach_every_class(digits_bn_teacher, strategy, name, request):
    synth = synthesis.create(name, digits_bn_teacher, strategy, **_quick_settings(name, request))
    seen = set()
    for seed in range(6):
        classes = synth.synthesize(4, seed=seed).targets.argmax(-1)
        assert len(set(classes)) == 4  # one image per class within a batch
        seen |= set(classes.tolist())
    assert seen == set(range(digits_bn_teacher.num_classes))
