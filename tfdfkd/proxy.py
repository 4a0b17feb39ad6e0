"""Proxy images: unlabelled images from another source than the teacher's training data (DeGAN).

`load(spec, input_shape)` returns uint8 images (N, H, W, C) at the teacher's input shape. A
spec is one of:

* a shader cache directory (`tools/render_shaders.py`; any resolution and channel count);
* a directory of image files (.png, .jpg, .jpeg, .bmp, .gif) and/or .npy / .npz arrays, or one
  such array file (arrays: (N, H, W) or (N, H, W, C), uint8 0..255 or float in [0, 1]; an .npz
  contributes its `images` array, else its first);
* ``digits``: scikit-learn's digits (the training split of `tfdfkd.data`);
* ``fashion_mnist:0,1`` (or any `tfdfkd.data` dataset name followed by class ids): the *training*
  images of those classes only, the paper's "imbalanced subset of the original training data";
  without ids, every class;
* ``noise``: uniform noise, 0..255 per pixel (the paper's ablation), `NOISE_IMAGES` images.

Images are converted to the teacher's channel count (luminance for RGB -> grey, copies for grey
-> RGB) and resized bilinearly to its height and width. Problems (an empty directory, an unknown
source, bad class ids) raise `TfdfkdError`.
"""

from __future__ import annotations

import os
import zipfile

import numpy as np

from tfdfkd.errors import TfdfkdError

NOISE_IMAGES = 50_000
DATASET_CLASSES = 10  # every dataset of tfdfkd.data has 10 classes
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")
ARRAY_SUFFIXES = (".npy", ".npz")
_FIX = ("pass (as --proxy, --images or --source_images, whichever the tool takes) a shader cache or image directory, an .npy/.npz file, digits, "
        "fashion_mnist:<class ids> (e.g. fashion_mnist:0,1) or noise")


def load(spec: str, input_shape, seed: int = 0) -> np.ndarray:
    """uint8 proxy images (N, H, W, C) for a teacher taking `input_shape` (H, W, C); `seed` seeds noise."""
    spec = (spec or "").strip()
    if not spec:
        raise TfdfkdError("no proxy images were given", _FIX)
    if spec == "noise":
        height, width, channels = input_shape
        return np.random.default_rng(seed).integers(0, 256, (NOISE_IMAGES, height, width, channels), dtype=np.uint8)
    name, _, ids = spec.partition(":")
    from tfdfkd import data

    if name in data.NAMES and not os.path.exists(spec):
        return _dataset(name, ids, input_shape)
    if os.path.isdir(spec):
        return _fit(_directory(spec), input_shape, spec)
    if os.path.isfile(spec) and spec.lower().endswith(ARRAY_SUFFIXES):
        return _fit(_array_file(spec), input_shape, spec)
    raise TfdfkdError(f"unknown proxy source {spec!r} (not a dataset name, noise, a directory or an .npy/.npz file)", _FIX)


def describe(images: np.ndarray) -> str:
    return f"{len(images)} images of {images.shape[1]}x{images.shape[2]}x{images.shape[3]}"


def _dataset(name: str, ids: str, input_shape) -> np.ndarray:
    from tfdfkd import data

    classes = None
    if ids.strip():
        try:
            classes = sorted({int(v) for v in ids.split(",")})
        except ValueError:
            raise TfdfkdError(f"proxy class ids {ids!r} are not integers", f"write them like {name}:0,1") from None
        bad = [c for c in classes if not 0 <= c < DATASET_CLASSES]  # checked before the (slow) load
        if bad:
            raise TfdfkdError(f"proxy class ids {bad} are outside {name}'s classes 0..{DATASET_CLASSES - 1}",
                              f"write them like {name}:0,1")
    elif ids:
        raise TfdfkdError(f"proxy {name}: lists no class ids", f"write them like {name}:0,1, or {name} for every class")
    labelled = data.load(name, "train")
    images = labelled.images if classes is None else labelled.images[np.isin(labelled.labels, classes)]
    return _fit(np.round(images * 255.0).astype(np.uint8), input_shape, _spec_name(name, classes))


def _spec_name(name: str, classes) -> str:
    return name if classes is None else f"{name} classes {','.join(map(str, classes))}"


def _directory(directory: str) -> np.ndarray:
    from tfdfkd import transfer_set
    from tfdfkd.render import cache

    if _is_shader_cache(os.path.join(directory, cache.MANIFEST), cache.FORMAT):
        return cache.load_images(directory)
    if os.path.isfile(os.path.join(directory, transfer_set.MANIFEST)):  # a run's transfer set: its listed shards only
        transfer = transfer_set.open_finished(directory)
        return np.concatenate([transfer.shard(i)[0] for i in range(len(transfer.files))])
    files = sorted(f for f in os.listdir(directory)  # not the temporaries of a killed writer
                   if f.lower().endswith(IMAGE_SUFFIXES + ARRAY_SUFFIXES) and not f.startswith(".tmp-"))
    if not files:
        raise TfdfkdError(f"proxy directory {directory} holds no images ({', '.join(IMAGE_SUFFIXES + ARRAY_SUFFIXES)} files)",
                          "put images there, or " + _FIX)
    arrays = [_array_file(os.path.join(directory, f)) for f in files if f.lower().endswith(ARRAY_SUFFIXES)]
    pictures = [f for f in files if f.lower().endswith(IMAGE_SUFFIXES)]
    if pictures:
        arrays += _image_files([os.path.join(directory, f) for f in pictures])
    return arrays[0] if len(arrays) == 1 else _stack(arrays, directory)


def _is_shader_cache(manifest_path: str, cache_format: str) -> bool:
    from tfdfkd.io_utils import read_json

    try:
        return os.path.isfile(manifest_path) and read_json(manifest_path).get("format") == cache_format
    except (ValueError, AttributeError):
        return False


def _image_files(paths: list[str]) -> list[np.ndarray]:
    """Each image file decoded to a (1, H, W, C) uint8 array (grey or RGB; alpha dropped)."""
    import tensorflow as tf

    decoded = []
    for path in paths:
        try:
            image = tf.io.decode_image(tf.io.read_file(path), expand_animations=False).numpy()
        except (tf.errors.InvalidArgumentError, tf.errors.NotFoundError) as e:
            raise TfdfkdError(f"cannot decode proxy image {path} ({type(e).__name__})", "remove it or replace it with a valid image") from None
        decoded.append(image[None, ..., :3] if image.shape[-1] in (3, 4) else image[None, ..., :1])
    return decoded


def _array_file(path: str) -> np.ndarray:
    try:
        loaded = np.load(path, allow_pickle=False)
        if isinstance(loaded, np.ndarray):  # .npy
            array = loaded
        else:  # .npz
            with loaded:
                array = loaded["images"] if "images" in loaded.files else loaded[loaded.files[0]]
    except (OSError, ValueError, IndexError, EOFError, zipfile.BadZipFile) as e:
        raise TfdfkdError(f"cannot read proxy array {path} ({type(e).__name__})", "save it with np.save / np.savez") from None
    array = np.asarray(array)
    if array.ndim == 3:
        array = array[..., None]
    if array.ndim != 4 or array.shape[-1] not in (1, 3, 4) or not len(array):
        raise TfdfkdError(f"proxy array {path} has shape {array.shape}, not images (N, H, W) or (N, H, W, C) with C in 1, 3",
                          "save images as an (N, H, W, C) array")
    if array.dtype.kind not in "uif":
        raise TfdfkdError(f"proxy array {path} holds {array.dtype} values, not pixels", "save uint8 or float images")
    if array.dtype.kind == "f" and not np.all(np.isfinite(array)):
        raise TfdfkdError(f"proxy array {path} holds NaN or Inf", "save finite pixel values")
    low, high = float(array.min()), float(array.max())
    if low < 0 or high > 255:  # [-1, 1] floats or 16-bit images would be clipped or wrap silently
        raise TfdfkdError(f"proxy array {path} holds values from {low:g} to {high:g}, not pixels in [0, 1] or 0..255",
                          "rescale the images to [0, 1] floats or 0..255 integers before saving them")
    if array.dtype.kind == "f":
        scale = 255.0 if high <= 1.0 else 1.0
        array = np.clip(np.round(array * scale), 0, 255)
    return array[..., :3].astype(np.uint8)


def _stack(arrays: list[np.ndarray], directory: str) -> np.ndarray:
    """One array from images of possibly different sizes and channel counts (each resized to the first's)."""
    height, width = arrays[0].shape[1:3]
    channels = max(a.shape[-1] for a in arrays)
    return np.concatenate([_fit(a, (height, width, channels), directory) for a in arrays])


def _fit(images: np.ndarray, input_shape, source: str) -> np.ndarray:
    """uint8 `images` converted to `input_shape` (H, W, C): channels first, then a bilinear resize."""
    height, width, channels = input_shape
    if not len(images):
        raise TfdfkdError(f"proxy {source} holds no images", _FIX)
    if images.shape[-1] == channels and images.shape[1:3] == (height, width):
        return images
    import tensorflow as tf

    out = np.empty((len(images), height, width, channels), np.uint8)
    for i in range(0, len(images), 4096):
        x = tf.convert_to_tensor(images[i : i + 4096], tf.float32)
        if x.shape[-1] != channels:
            x = tf.image.rgb_to_grayscale(x) if channels == 1 else tf.tile(x, [1, 1, 1, channels])
        if x.shape[1:3] != (height, width):
            x = tf.image.resize(x, (height, width), method="bilinear", antialias=True)
        out[i : i + 4096] = np.clip(np.round(x.numpy()), 0, 255).astype(np.uint8)
    return out
