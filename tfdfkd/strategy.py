"""Turns a strategy name into a `tf.distribute.Strategy`.

* ``mirrored`` (default): MirroredStrategy over all local devices (one CPU here, all GPUs on a
  GPU machine).
* ``default``: the no-op default strategy (plain single-device code path).
* ``multi_worker``: MultiWorkerMirroredStrategy configured from ``TF_CONFIG``.
* ``tpu``: TPUStrategy on the TPU named by ``tpu`` (wired, exercised only where one exists).
"""

from __future__ import annotations

import os

import tensorflow as tf

from tfdfkd.errors import TfdfkdError

NAMES = ("default", "mirrored", "multi_worker", "tpu")


def get(name: str = "mirrored", tpu: str = "") -> tf.distribute.Strategy:
    if name == "default":
        return tf.distribute.get_strategy()
    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multi_worker":
        if not os.environ.get("TF_CONFIG"):
            raise TfdfkdError("--strategy=multi_worker needs TF_CONFIG", "set TF_CONFIG to this worker's cluster spec and task")
        return tf.distribute.MultiWorkerMirroredStrategy()
    if name == "tpu":
        try:
            resolver = tf.distribute.cluster_resolver.TPUClusterResolver(tpu=tpu)
            tf.config.experimental_connect_to_cluster(resolver)
            tf.tpu.experimental.initialize_tpu_system(resolver)
        except (ValueError, tf.errors.OpError) as e:
            raise TfdfkdError(f"no TPU found ({e.__class__.__name__})", "run on a TPU host or choose --strategy=mirrored") from e
        return tf.distribute.TPUStrategy(resolver)
    raise TfdfkdError(f"unknown strategy {name!r}", f"use one of {', '.join(NAMES)}")
