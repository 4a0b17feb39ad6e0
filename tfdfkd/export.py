"""Exporting a student: `student.keras` and a SavedModel `student/` with a serving signature.

The SavedModel's `serving_default` (and `serve`) signature maps a float32 image batch
(N, H, W, C) in [0, 1] to logits (N, K); load it with `tf.saved_model.load` or TF Serving,
no tfdfkd needed.
"""

from __future__ import annotations

import os

import keras

from tfdfkd.io_utils import atomic_path


def save_student(student: keras.Model, out_dir: str, name: str = "student") -> dict[str, str]:
    """Writes `out_dir/<name>.keras` and `out_dir/<name>/` atomically; returns their paths."""
    keras_path = os.path.join(out_dir, f"{name}.keras")
    saved_model_path = os.path.join(out_dir, name)
    with atomic_path(keras_path) as tmp:
        student.save(tmp)
    with atomic_path(saved_model_path) as tmp:
        student.export(tmp, format="tf_saved_model", verbose=False)
    return {"keras": keras_path, "saved_model": saved_model_path}
