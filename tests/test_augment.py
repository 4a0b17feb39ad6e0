import numpy as np

from tfdfkd.augment import ZSKDAugmentation


def test_zskd_augmentation_changes_a_fraction_and_is_identity_at_inference(digits_test):
    x = digits_test.images[:200]
    layer = ZSKDAugmentation(fraction=0.5, seed=0)
    augmented = np.asarray(layer(x, training=True))
    assert augmented.shape == x.shape
    changed = np.mean(np.any(np.abs(augmented - x) > 1e-6, axis=(1, 2, 3)))
    assert 0.3 < changed < 0.7
    np.testing.assert_array_equal(np.asarray(layer(x, training=False)), x)
