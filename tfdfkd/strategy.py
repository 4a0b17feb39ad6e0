"""Turns a strategy name into a `tf.distribute.Strategy`.

* ``mirrored`` (default): MirroredStrategy over all local devices (one CPU here, all GPUs on a
  GPU machine).
* ``default``: the no-op default strategy (plain single-device code path).
* ``multi_worker``: MultiWorkerMirroredStrategy configured from ``TF_CONFIG``, checked first
  so a malformed one is a one-line error rather than a hang or a traceback.
* ``tpu``: TPUStrategy on the TPU named by ``tpu`` (wired, exercised only where one exists).

Under ``multi_worker`` every worker runs the same command; only the chief (`is_chief`) writes
outputs, the others write to a temporary directory that is discarded (TensorFlow's pattern
for multi-worker checkpoints). Create the strategy before any other TensorFlow work: the
collective ops behind it must be configured at program start.
"""

from __future__ import annotations

import json
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
        check_tf_config(os.environ.get("TF_CONFIG", ""))
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


TF_CONFIG_EXAMPLE = '{"cluster": {"worker": ["host0:port", "host1:port"]}, "task": {"type": "worker", "index": 0}}'


def check_tf_config(text: str) -> dict:
    """The parsed `TF_CONFIG` for MultiWorkerMirroredStrategy; a `TfdfkdError` naming the fix if
    it is missing or malformed (TensorFlow itself would fail later, or wait for a worker forever)."""
    fix = f"set TF_CONFIG on every worker to its cluster and task, e.g. {TF_CONFIG_EXAMPLE}"
    if not text.strip():
        raise TfdfkdError("--strategy=multi_worker needs TF_CONFIG, which is not set", fix)
    try:
        config = json.loads(text)
    except ValueError as e:
        raise TfdfkdError(f"TF_CONFIG is not valid JSON ({e})", fix) from None
    cluster = config.get("cluster") if isinstance(config, dict) else None
    task = config.get("task") if isinstance(config, dict) else None
    if not isinstance(cluster, dict) or not isinstance(task, dict):
        raise TfdfkdError("TF_CONFIG needs a 'cluster' and a 'task' object", fix)
    if set(cluster) - {"chief", "worker", "evaluator"}:
        raise TfdfkdError(f"TF_CONFIG's cluster has job(s) {sorted(set(cluster) - {'chief', 'worker', 'evaluator'})}, "
                          "which MultiWorkerMirroredStrategy does not use", "list only 'chief' and 'worker' jobs")
    for job, addresses in cluster.items():
        if (not isinstance(addresses, list) or not addresses
                or not all(isinstance(a, str) and a.rpartition(":")[2].isdigit() and a.rpartition(":")[0] for a in addresses)):
            raise TfdfkdError(f"TF_CONFIG's cluster job {job!r} is not a list of 'host:port' addresses ({addresses!r})", fix)
    if "worker" not in cluster and "chief" not in cluster:
        raise TfdfkdError("TF_CONFIG's cluster lists no 'worker' (or 'chief')", fix)
    kind, index = task.get("type"), task.get("index")
    if kind not in cluster or not isinstance(index, int) or not 0 <= index < len(cluster[kind]):
        raise TfdfkdError(f"TF_CONFIG's task {task!r} is not one of its cluster's tasks",
                          "give this worker's job ('worker' or 'chief') and its 0-based index in that job's list")
    return config


def is_chief(strategy: tf.distribute.Strategy) -> bool:
    """True where this process writes outputs: always, except on the non-chief workers of a
    multi-worker strategy (the chief is the 'chief' task, or worker 0 when there is none)."""
    return bool(strategy.extended.should_checkpoint)
