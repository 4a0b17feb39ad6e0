"""`samples.png`: a grid of synthesized images, each captioned with its top-2 targets.

Captions read "c:p c:p" (class and target confidence of the two largest targets, as the ZSKD
paper's figure 4 shows them), drawn with a 3x5 pixel font so no plotting package is needed;
the PNG is encoded by TensorFlow.
"""

from __future__ import annotations

import numpy as np

_GLYPHS = {  # 3 columns x 5 rows, one string of 15 bits per character
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111",
    "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001010010010",
    "8": "111101111101111", "9": "111101111001111", ".": "000000000000010", ":": "000010000010000",
    " ": "000000000000000", "-": "000000111000000",
}


def _text(text: str) -> np.ndarray:
    """A (5, 4 * len(text)) bitmap of `text`."""
    columns = [np.zeros((5, 0), np.float32)]  # an empty caption is an empty bitmap
    for ch in text:
        glyph = np.array([int(b) for b in _GLYPHS.get(ch, _GLYPHS[" "])], np.float32).reshape(5, 3)
        columns += [glyph, np.zeros((5, 1), np.float32)]
    return np.concatenate(columns, axis=1)


def caption(targets: np.ndarray | None) -> str:
    if targets is None or not np.all(np.isfinite(targets)):
        return ""
    top = np.argsort(targets)[::-1][:2]
    return " ".join(f"{c}:{targets[c]:.2f}"[:6] for c in top)


def sample_grid(images: np.ndarray, targets: np.ndarray | None, columns: int = 10, scale: int = 2) -> np.ndarray:
    """A uint8 (H, W, 3) picture of `images` (each min-max scaled for display) with captions."""
    n, h, w, c = images.shape
    cell_w = max(w * scale, 4 * 13 + 2)
    cell_h = h * scale + 9
    rows = -(-n // columns)
    canvas = np.ones((rows * cell_h, columns * cell_w, 3), np.float32)
    for i in range(n):
        img = images[i]
        img = (img - img.min()) / max(float(img.max() - img.min()), 1e-8)
        img = np.repeat(np.repeat(img, scale, 0), scale, 1)
        if c == 1:
            img = np.repeat(img, 3, axis=-1)
        r, col = divmod(i, columns)
        y, x = r * cell_h, col * cell_w
        text = _text(caption(None if targets is None else targets[i]))[:, : cell_w - 2]
        canvas[y + 1 : y + 6, x + 1 : x + 1 + text.shape[1]] -= text[..., None]
        canvas[y + 8 : y + 8 + h * scale, x + (cell_w - w * scale) // 2 :][:, : w * scale] = img[..., :3]
    return (np.clip(canvas, 0, 1) * 255).astype(np.uint8)


def write_png(path: str, picture: np.ndarray) -> None:
    import tensorflow as tf

    from tfdfkd.io_utils import atomic_path

    with atomic_path(path) as tmp:
        tf.io.write_file(tmp, tf.io.encode_png(picture))
