"""Named image corruptions: a target domain built from real images, for measuring adaptation offline.

    shifted = corruptions.apply("fog", images, seed=0)

The Data Impressions paper adapts between digit datasets (SVHN, MNIST, USPS) that this machine
cannot download. A corrupted copy of a real dataset is the other accepted kind of domain shift
(MNIST-C, Mu & Gilmer 2019; ImageNet-C, Hendrycks & Dietterich 2019): the classes and the
objects stay, the pixel statistics change. Each corruption here has one fixed severity and is
seeded, so a target domain is the same on every run. What they cost `lenet5_early_fashion_mnist`
(87.91% on clean test images): fog 44, contrast 60, pixelate 17 and impulse noise 7 points
(tools/flags/RESULTS.md). Inputs and outputs are float images in [0, 1], (N, H, W, C).
"""

from __future__ import annotations

import numpy as np

from tfdfkd.errors import TfdfkdError


def _fog(images, rng):
    return images * 0.6 + 0.4  # a bright haze: every pixel pulled towards white


def _contrast(images, rng):
    return 0.5 + (images - 0.5) * 0.3


def _gaussian_noise(images, rng):
    return images + rng.normal(0.0, 0.3, images.shape)


def _impulse_noise(images, rng):
    draw = rng.random(images.shape)
    return np.where(draw < 0.05, 0.0, np.where(draw > 0.95, 1.0, images))


def _pixelate(images, rng):
    """Averaged 4x4 blocks (an 8x8 image at 32x32), shown as blocks: a low-resolution camera."""
    n, height, width, channels = images.shape
    if height % 4 or width % 4:
        raise TfdfkdError(f"pixelate needs a height and width divisible by 4, not {height}x{width}", "use another corruption")
    blocks = images.reshape(n, height // 4, 4, width // 4, 4, channels).mean(axis=(2, 4))
    return np.repeat(np.repeat(blocks, 4, axis=1), 4, axis=2)


def _invert(images, rng):
    return 1.0 - images


CORRUPTIONS = {"fog": _fog, "contrast": _contrast, "gaussian_noise": _gaussian_noise, "impulse_noise": _impulse_noise,
               "pixelate": _pixelate, "invert": _invert}


def apply(name: str, images: np.ndarray, seed: int = 0) -> np.ndarray:
    """`images` under corruption `name` (one of `CORRUPTIONS`), clipped to [0, 1], float32;
    "none" returns `images` itself, unchanged."""
    if name == "none":
        return images
    if name not in CORRUPTIONS:
        raise TfdfkdError(f"unknown corruption {name!r}", f"use one of none, {', '.join(CORRUPTIONS)}")
    images = np.asarray(images, np.float32)
    if images.ndim != 4:
        raise TfdfkdError(f"corruptions take images (N, H, W, C), not shape {images.shape}", "pass a batch of images")
    shifted = CORRUPTIONS[name](images.astype(np.float64), np.random.default_rng(seed))
    return np.clip(shifted, 0.0, 1.0).astype(np.float32)
