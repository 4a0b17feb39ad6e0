"""Labelled image datasets for teachers and evaluation: `load(name, split)`.

Every dataset comes out the way the ZSKD paper feeds LeNet-5 and AlexNet: float32 images in
[0, 1], NHWC, resized to 32x32 (28x28 Fashion-MNIST and MNIST with bilinear resizing, as the
paper says "resized"), integer labels. Sources:

* ``fashion_mnist``: the original IDX files when they are on disk (Debian's
  ``dataset-fashion-mnist`` puts them in /usr/share/datasets/fashion-mnist/, or a directory
  you name), otherwise tensorflow-datasets (needs the internet once).
* ``mnist``, ``cifar10``, ``svhn_cropped``: tensorflow-datasets only.
* ``usps``: the 16x16 USPS digits from LIBSVM's files ``usps.bz2`` and ``usps.t.bz2`` (train and
  test) in a directory you name, or /usr/share/datasets/usps/ (tensorflow-datasets has no USPS).
* ``digits``: scikit-learn's 8x8 digits (1,797 images), upsampled to 32x32; a fixed,
  seeded 80/20 split. Small enough for tests.

Nothing is faked: a dataset that cannot be had raises `TfdfkdError` naming the command that
gets it.
"""

from __future__ import annotations

import dataclasses
import gzip
import os
import struct
import zlib

import numpy as np

from tfdfkd.errors import TfdfkdError

FASHION_MNIST_DIRS = ("/usr/share/datasets/fashion-mnist",)
USPS_DIRS = ("/usr/share/datasets/usps",)
NAMES = ("fashion_mnist", "mnist", "cifar10", "svhn_cropped", "usps", "digits")
SPLITS = ("train", "test")
IMAGE_SIZE = 32


@dataclasses.dataclass(frozen=True)
class LabelledImages:
    """Images (N, 32, 32, C) float32 in [0, 1] with labels (N,) int32."""

    name: str
    split: str
    images: np.ndarray
    labels: np.ndarray
    num_classes: int

    def __len__(self) -> int:
        return len(self.labels)

    def take(self, n: int) -> LabelledImages:
        return dataclasses.replace(self, images=self.images[:n], labels=self.labels[:n])


def load(name: str, split: str = "test", data_dir: str | None = None, download: bool = True) -> LabelledImages:
    """Loads `split` of dataset `name` as 32x32 float images in [0, 1].

    Args:
      name: one of `NAMES`.
      split: "train" or "test".
      data_dir: where to look for local files first (Fashion-MNIST IDX files) and the
        tensorflow-datasets data directory.
      download: allow tensorflow-datasets to download when the data is not on disk.
    """
    if name not in NAMES:
        raise TfdfkdError(f"unknown dataset {name!r}", f"use one of {', '.join(NAMES)}")
    if split not in SPLITS:
        raise TfdfkdError(f"unknown split {split!r}", "use 'train' or 'test'")
    if name == "digits":
        images, labels = _load_digits(split)
        channels = 1
    elif name == "usps":
        images, labels = _read_usps(data_dir, split)
        channels = 1
    elif name == "fashion_mnist" and _find_idx_dir(data_dir, split):
        images, labels = _read_fashion_mnist_idx(_find_idx_dir(data_dir, split), split)
        channels = 1
    else:
        images, labels = _load_tfds(name, split, data_dir, download)
        channels = images.shape[-1]
    images = _to_32x32_unit_range(images, channels)
    return LabelledImages(name, split, images, labels.astype(np.int32), num_classes=10)


def _to_32x32_unit_range(images: np.ndarray, channels: int) -> np.ndarray:
    scale = 255.0 if np.issubdtype(np.asarray(images).dtype, np.integer) else 1.0  # uint8 pixels; floats are in [0, 1]
    images = np.asarray(images, np.float32) / scale
    if images.ndim == 3:
        images = images[..., None]
    if images.shape[1:3] != (IMAGE_SIZE, IMAGE_SIZE):
        import tensorflow as tf  # deferred: digits and IDX parsing need no TensorFlow

        resized = [
            tf.image.resize(images[i : i + 4096], (IMAGE_SIZE, IMAGE_SIZE), method="bilinear").numpy()
            for i in range(0, len(images), 4096)
        ]
        images = np.clip(np.concatenate(resized), 0.0, 1.0)
    assert images.shape[-1] == channels
    return images.astype(np.float32)


# Fashion-MNIST from the original IDX files ---------------------------------------------

_IDX_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}


def _find_idx_dir(data_dir: str | None, split: str) -> str | None:
    """The first directory holding `split`'s two IDX files: `data_dir` (or its fashion-mnist/),
    then Debian's. A `data_dir` holding only some of them is refused rather than passed over."""
    stems = _IDX_FILES[split]
    named = [data_dir, os.path.join(data_dir, "fashion-mnist")] if data_dir else []
    for directory in named + list(FASHION_MNIST_DIRS):
        found = [stem for stem in stems if _idx_path(directory, stem)]
        if len(found) == len(stems):
            return directory
        if found and directory in named:
            missing = [stem for stem in stems if stem not in found]
            raise TfdfkdError(f"{directory} holds {found[0]} but not {', '.join(missing)}",
                              "put all of Fashion-MNIST's IDX files there (gzipped or not), or pass another data_dir")
    return None


def _idx_path(directory: str, stem: str) -> str | None:
    for candidate in (os.path.join(directory, stem + ".gz"), os.path.join(directory, stem)):
        if os.path.exists(candidate):
            return candidate
    return None


def read_idx(path: str) -> np.ndarray:
    """Parses an IDX file (optionally gzipped): magic, dims as big-endian uint32, then uint8 data."""
    fix = ("reinstall it: apt-get install --reinstall dataset-fashion-mnist"
           if os.path.dirname(os.path.abspath(path)) in FASHION_MNIST_DIRS else f"replace {path} with an intact copy")
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            raw = f.read()
    except (EOFError, OSError, zlib.error) as e:  # a cut or damaged gzip stream, or not gzip at all
        raise TfdfkdError(f"{path} cannot be read ({type(e).__name__}: {e})", fix) from None
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise TfdfkdError(f"{path} is not an unsigned-byte IDX file", fix)
    ndim = raw[3]
    if len(raw) < 4 + 4 * ndim:
        raise TfdfkdError(f"{path} is truncated inside its header", fix)
    dims = struct.unpack(">" + "I" * ndim, raw[4 : 4 + 4 * ndim])
    data = np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim)
    expected = int(np.prod(dims))
    if data.size != expected:
        raise TfdfkdError(f"{path} has {data.size} data bytes, its header {tuple(dims)} says {expected}", fix)
    return data.reshape(dims)


def _read_fashion_mnist_idx(directory: str, split: str) -> tuple[np.ndarray, np.ndarray]:
    image_path, label_path = (_idx_path(directory, stem) for stem in _IDX_FILES[split])
    images, labels = read_idx(image_path), read_idx(label_path)
    fix = "put Fashion-MNIST's original IDX files there, or reinstall them: apt-get install --reinstall dataset-fashion-mnist"
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise TfdfkdError(f"{image_path} holds {images.shape}, not 28x28 images", fix)
    if labels.ndim != 1:
        raise TfdfkdError(f"{label_path} holds {labels.shape}, not one label per image", fix)
    if len(images) != len(labels):
        raise TfdfkdError(f"{image_path} holds {len(images)} images but {label_path} {len(labels)} labels", fix)
    if labels.size and labels.max() > 9:
        raise TfdfkdError(f"{label_path} holds label {int(labels.max())}; Fashion-MNIST's are 0..9", fix)
    return images, labels


# USPS from LIBSVM's files ---------------------------------------------------------------

_USPS_FILES = {"train": "usps.bz2", "test": "usps.t.bz2"}
USPS_HOW_TO_GET = ("download usps.bz2 and usps.t.bz2 from LIBSVM's multi-class datasets page "
                   "(https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass.html) into a directory and pass it as --data_dir (data_dir= from Python)")


def _read_usps(data_dir: str | None, split: str) -> tuple[np.ndarray, np.ndarray]:
    """LIBSVM format, one image per line: a label 1..10, then `index:value` pairs (1..256, values in
    [-1, 1]) of a 16x16 image in row order. An absent pair is 0, as everywhere in LIBSVM's
    sparse format (LIBSVM's USPS files list all 256 values)."""
    import bz2

    directories = ([data_dir, os.path.join(data_dir, "usps")] if data_dir else []) + list(USPS_DIRS)
    path = next((os.path.join(d, _USPS_FILES[split]) for d in directories if os.path.exists(os.path.join(d, _USPS_FILES[split]))), None)
    if path is None:
        raise TfdfkdError(f"USPS's {_USPS_FILES[split]} is not on this machine", USPS_HOW_TO_GET)
    images, labels = [], []
    with bz2.open(path, "rt") as f:
        for number, line in enumerate(f, 1):
            fields = line.split()
            if not fields:
                continue
            try:
                pixels = np.zeros(256, np.float32)
                for pair in fields[1:]:
                    index, value = pair.split(":")
                    pixels[int(index) - 1] = float(value)
                labels.append(int(float(fields[0])) - 1)
            except (ValueError, IndexError) as e:
                raise TfdfkdError(f"{path} line {number} is not in LIBSVM's USPS format", USPS_HOW_TO_GET) from e
            images.append(pixels.reshape(16, 16))
    return (np.stack(images) + 1.0) / 2.0, np.asarray(labels)


def to_channels(images: np.ndarray, channels: int) -> np.ndarray:
    """Float images (N, H, W, C) with `channels` channels: luminance for RGB -> grey, copies for grey -> RGB."""
    if images.shape[-1] == channels:
        return images
    if images.shape[-1] == 3 and channels == 1:
        return (images @ np.asarray([0.2989, 0.587, 0.114], np.float32))[..., None].astype(np.float32)
    if images.shape[-1] == 1:
        return np.repeat(images, channels, axis=-1)
    raise TfdfkdError(f"cannot convert {images.shape[-1]}-channel images to {channels} channels", "give grey or RGB images")


# scikit-learn digits ----------------------------------------------------------------------

def _load_digits(split: str) -> tuple[np.ndarray, np.ndarray]:
    try:
        from sklearn.datasets import load_digits
    except ImportError as e:
        raise TfdfkdError("the 'digits' dataset needs scikit-learn", "pip install scikit-learn (or pip install -e .[test])") from e
    digits = load_digits()
    images = digits.images.astype(np.float32) / 16.0  # pixel values are 0..16
    order = np.random.default_rng(0).permutation(len(images))
    cut = int(0.8 * len(images))
    index = order[:cut] if split == "train" else order[cut:]
    return images[index], digits.target[index]


# tensorflow-datasets ----------------------------------------------------------------------

_HOW_TO_GET = {
    "fashion_mnist": "apt-get install dataset-fashion-mnist (offline IDX files), or run once online so tensorflow-datasets can download it",
    "mnist": "run once on a machine that is online: python -c \"import tensorflow_datasets as tfds; tfds.load('mnist')\" and copy ~/tensorflow_datasets here (or pass its data_dir)",
    "cifar10": "run once on a machine that is online: python -c \"import tensorflow_datasets as tfds; tfds.load('cifar10')\" and copy ~/tensorflow_datasets here (or pass its data_dir)",
    "svhn_cropped": "run once on a machine that is online: python -c \"import tensorflow_datasets as tfds; tfds.load('svhn_cropped')\" and copy ~/tensorflow_datasets here (or pass its data_dir)",
}


_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy")


def _online(host: str = "storage.googleapis.com", timeout: float = 3.0) -> bool:
    """Whether a download could start: tfds's own host answers, or, behind a proxy (the first of
    `_PROXY_VARIABLES` that is set), the proxy does; only the proxy can tell what lies beyond it."""
    import socket
    from urllib.parse import urlsplit

    address = (host, 443)
    proxy = next((os.environ[v] for v in _PROXY_VARIABLES if os.environ.get(v)), None)
    if proxy:
        parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
        try:
            address = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 1080 if parts.scheme.startswith("socks") else 80))
        except ValueError:  # a port that is not a number: let tfds report the proxy
            return True
        if not parts.hostname:
            return True
    try:
        socket.create_connection(address, timeout=timeout).close()
    except OSError:
        return False
    return True


def _load_tfds(name: str, split: str, data_dir: str | None, download: bool) -> tuple[np.ndarray, np.ndarray]:
    try:
        import tensorflow_datasets as tfds
    except ImportError as e:
        raise TfdfkdError(f"{name} needs tensorflow-datasets", "pip install tensorflow-datasets importlib_resources") from e
    builder = tfds.builder(name, data_dir=data_dir)
    prepared = os.path.exists(os.path.join(builder.data_dir, "dataset_info.json"))
    if not prepared and not download:
        raise TfdfkdError(f"dataset {name!r} is not on this machine", _HOW_TO_GET[name])
    if not prepared and not _online():  # tfds would retry its download for minutes before failing
        raise TfdfkdError(f"dataset {name!r} is not on this machine, and this machine is offline", _HOW_TO_GET[name])
    try:
        if not prepared:
            builder.download_and_prepare()
        data = tfds.as_numpy(builder.as_dataset(split=split, batch_size=-1, as_supervised=True))
    except Exception as e:  # tfds raises many types for a missing network
        raise TfdfkdError(f"tensorflow-datasets could not load {name!r} ({type(e).__name__})", _HOW_TO_GET[name]) from e
    images, labels = data
    return images, labels
