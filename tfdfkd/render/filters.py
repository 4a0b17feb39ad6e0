"""Dropping constant and simple shader images (Frank & Davis, sect. 3.1).

The paper removes images that are "constant (all one colour such as all black or all white) or
simple (only two colours, or few coloured pixels)" without giving numbers. Ours, all
parameters of `FilterConfig`:

- colours are counted after quantising each channel to `levels` steps (16: steps of 16 grey
  levels), so the dithering-level differences of a smooth, nearly flat image do not count;
- constant: the standard deviation of the pixel values is below `min_std` (on 0..255), or one
  quantised colour;
- simple: fewer than `min_colors` quantised colours (two-colour images), or the two most common
  quantised colours cover more than `max_top2_fraction` of the pixels (a background with a few
  coloured pixels, or two flat colours with a thin anti-aliased edge between them).
"""

from __future__ import annotations

import dataclasses

import numpy as np


@dataclasses.dataclass(frozen=True)
class FilterConfig:
    levels: int = 16  # quantisation steps per channel before counting colours
    min_colors: int = 3  # fewer distinct quantised colours: constant (1) or two-colour (2)
    max_top2_fraction: float = 0.9  # two most common colours above this share of pixels: simple
    min_std: float = 4.0  # pixel standard deviation (0..255) below this: constant

    def __post_init__(self):
        if not 2 <= self.levels <= 256:
            raise ValueError(f"levels must be in [2, 256], got {self.levels}")
        if self.min_colors < 0:
            raise ValueError(f"min_colors must be 0 or more, got {self.min_colors}")
        if not 0.0 < self.max_top2_fraction <= 1.0:
            raise ValueError(f"max_top2_fraction must be in (0, 1], got {self.max_top2_fraction}")
        if not 0.0 <= self.min_std < 128.0:  # the largest standard deviation of 0..255 pixels is 127.5
            raise ValueError(f"min_std must be in [0, 128) on 0..255 pixels, got {self.min_std}")


def keep_mask(images: np.ndarray, config: FilterConfig = FilterConfig()) -> np.ndarray:
    """True for each image the filter keeps. images: uint8 (N, H, W, C), C = 1 or 3."""
    images = np.asarray(images)
    if images.ndim != 4 or images.dtype != np.uint8:
        raise ValueError(f"expected uint8 images (N, H, W, C), got {images.dtype} {images.shape}")
    n, h, w, c = images.shape
    if n == 0:
        return np.zeros(0, bool)
    flat = images.reshape(n, h * w, c)
    quantised = (flat.astype(np.int64) * config.levels) >> 8  # 0 .. levels-1
    codes = quantised[..., 0]
    for channel in range(1, c):
        codes = codes * config.levels + quantised[..., channel]
    bins = config.levels ** c
    counts = np.bincount((codes + np.arange(n)[:, None] * bins).ravel(), minlength=n * bins).reshape(n, bins)
    colors = np.count_nonzero(counts, axis=1)
    top2 = np.partition(counts, bins - 2, axis=1)[:, -2:].sum(axis=1) / (h * w)
    std = flat.reshape(n, -1).std(axis=1)
    return (std >= config.min_std) & (colors >= config.min_colors) & (top2 <= config.max_top2_fraction)
