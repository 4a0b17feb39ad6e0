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
