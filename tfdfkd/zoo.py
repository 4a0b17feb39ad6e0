"""Pretrained teachers and reference students, read from the cards in `zoo/`.

Each entry is `zoo/<name>.json` (the model card: architecture, dataset, input shape, recipe,
epochs, seed, measured test accuracy, sha256 of the weights, the command and commit that
trained it) beside `zoo/<name>.weights.h5`. `load(name)` rebuilds the architecture, checks the
sha256 and loads the weights; a file whose hash does not match is refused.
"""

from __future__ import annotations

import os

import keras

from tfdfkd import models
from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import read_json, sha256_of
from tfdfkd.resources import shipped_dir

ZOO_DIR = os.environ.get("TFDFKD_ZOO_DIR") or shipped_dir("zoo")


def list(zoo_dir: str | None = None) -> dict[str, dict]:
    """Every zoo entry's card, by name."""
    zoo_dir = zoo_dir or ZOO_DIR
    if not os.path.isdir(zoo_dir):
        return {}
    names = sorted(f[: -len(".json")] for f in os.listdir(zoo_dir) if f.endswith(".json"))
    return {name: card(name, zoo_dir) for name in names}


def card(name: str, zoo_dir: str | None = None) -> dict:
    """The model card of entry `name`."""
    zoo_dir = zoo_dir or ZOO_DIR
    path = os.path.join(zoo_dir, name + ".json")
    if not os.path.exists(path):
        known = ", ".join(list(zoo_dir)) or "none"
        raise TfdfkdError(f"no zoo entry named {name!r}", f"use one of: {known}, or a .keras file or SavedModel directory")
    try:
        return read_json(path)
    except ValueError as e:
        raise TfdfkdError(f"model card {path} is not valid JSON ({e})", "restore it: git checkout -- zoo/") from None


def load(name: str, zoo_dir: str | None = None) -> keras.Model:
    """A ready Keras model for zoo entry `name`, its weights checked against the card's sha256."""
    zoo_dir = zoo_dir or ZOO_DIR
    entry = card(name, zoo_dir)
    weights = os.path.join(zoo_dir, entry["weights"])
    if not os.path.exists(weights):
        raise TfdfkdError(f"zoo entry {name!r} has no weights file {weights}", "restore it from git: git checkout -- zoo/")
    if sha256_of(weights) != entry["sha256"]:
        raise TfdfkdError(f"weights file {weights} does not match the sha256 in its card (corrupt or replaced)",
                          "restore it from git (git checkout -- zoo/) or retrain it with tools/train_teacher.py")
    model = models.build(entry["architecture"], entry["input_shape"], entry["num_classes"])
    try:
        model.load_weights(weights)
    except Exception as e:
        raise TfdfkdError(f"cannot read weights file {weights} ({type(e).__name__})", "restore it from git: git checkout -- zoo/") from e
    return model


def eval_dataset_for(teacher: str, eval_dataset: str | None = None) -> str:
    """`eval_dataset` when given, else the dataset a zoo teacher was trained on; a teacher from a
    file has no known dataset, so it must be named."""
    if eval_dataset:
        return eval_dataset
    if teacher in list():
        return card(teacher)["dataset"]
    raise TfdfkdError(f"no test set is known for teacher {teacher!r}", "pass --eval_dataset=fashion_mnist (or another)")
