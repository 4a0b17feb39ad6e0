"""samples.png: captions show the top-2 targets; images without targets get a grid all the same."""

import numpy as np

from tfdfkd import viz


def test_caption_is_the_two_largest_targets():
    targets = np.array([0.05, 0.7, 0.0, 0.25] + [0.0] * 6)
    assert viz.caption(targets) == "1:0.70 3:0.25"
    assert viz.caption(None) == "" and viz.caption(np.full(10, np.nan)) == ""


def test_grid_with_and_without_captions():
    images = np.random.default_rng(0).random((12, 32, 32, 1), dtype=np.float32)
    captioned = viz.sample_grid(images, np.eye(10, dtype=np.float32)[np.arange(12) % 10], columns=5)
    plain = viz.sample_grid(images, None, columns=5)
    assert captioned.shape == plain.shape == (3 * (32 * 2 + 9), 5 * 64, 3) and captioned.dtype == np.uint8
    caption_rows = slice(1, 6)
    assert (captioned[caption_rows] < 255).any() and (plain[caption_rows] == 255).all()
