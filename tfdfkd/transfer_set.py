"""Transfer sets on disk: sharded, written atomically, resumable, read back as a stream.

A transfer set is a directory::

    manifest.json        what made it (method, config, seed, shapes) and its finished shards
    shard-00000.npz      images (n, H, W, C) float32 and targets (n, K) float32 (NaN if none)
    ...

Each shard is written under a temporary name and renamed, then the manifest is rewritten
(also atomically), so a kill leaves only whole shards. `write` called again with the same
arguments skips finished shards; shard i is a pure function of (seed, i), so a resumed set is
byte-identical to an uninterrupted one.
"""

from __future__ import annotations

import os
import time

import numpy as np

from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import (
    atomic_path,
    read_json,
    remove_stale_temporaries,
    sha256_of,
    write_json,
)

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


def batch_seed(seed: int, shard: int, batch: int) -> int:
    """An independent 32-bit seed for batch `batch` of shard `shard`."""
    return int(np.random.SeedSequence([seed, shard, batch]).generate_state(1)[0])


def write(synthesizer, directory: str, num_samples: int, batch_size: int = 100, seed: int = 0,
          shard_size: int | None = None, verbose: int = 1, log_dir: str | None = None, after_shard=None) -> TransferSet:
    """Synthesizes `num_samples` images with `synthesizer` into `directory`, resuming if possible.

    Args:
      synthesizer: any `tfdfkd.synthesis.Synthesizer`.
      shard_size: images per shard (default: 10 batches).
      verbose: 1 shows a Keras progress bar.
      log_dir: if given, per-batch synthesis scalars go to TensorBoard there.
      after_shard: if given, called as `after_shard(index, TransferSet)` once each shard is on
        disk (also for the shards found finished when resuming), before the next is synthesized;
        adaptive methods distill the student there.
    """
    import keras
    import tensorflow as tf

    if num_samples <= 0 or batch_size <= 0:
        raise TfdfkdError(f"num_samples ({num_samples}) and batch_size ({batch_size}) must be positive", "pass positive values")
    shard_size = shard_size or 10 * batch_size
    identity = {
        "format": FORMAT_VERSION,
        "method": synthesizer.name,
        "config": _jsonable(synthesizer.config),
        "seed": seed,
        "num_samples": num_samples,
        "batch_size": batch_size,
        "shard_size": shard_size,
        "image_shape": list(synthesizer.teacher.input_shape),
        "num_classes": synthesizer.teacher.num_classes,
    }
    manifest_path = os.path.join(directory, MANIFEST)
    shards: list[dict] = []
    if os.path.exists(manifest_path):
        previous = read_json(manifest_path)
        if not _same_identity(previous, identity, _jsonable(synthesizer.default_config())):
            raise TfdfkdError(f"{directory} holds a transfer set made with other settings",
                              "use a new directory, or delete this one to start over")
        # Finished shards up to the first one that is missing or damaged: that one and every later
        # one are made again, so the set stays in shard order (a damaged middle shard once left a
        # gap and made the last shard twice). Shard i is a function of (seed, i) for methods
        # without a student, so the remade ones are the same bytes; adaptive methods make them
        # against the student as it is now.
        for entry in previous["shards"]:
            if not _shard_intact(directory, entry):
                break
            shards.append(entry)
    os.makedirs(directory, exist_ok=True)
    remove_stale_temporaries(directory)  # half-written shards of a killed run
    num_shards = -(-num_samples // shard_size)
    progbar = keras.utils.Progbar(num_samples, verbose=verbose, unit_name="image", stateful_metrics=["loss"])
    progbar.update(sum(s["count"] for s in shards))
    writer = tf.summary.create_file_writer(log_dir) if log_dir else None
    seconds = sum(s.get("seconds", 0.0) for s in shards)
    for index in range(len(shards)):
        if after_shard:
            after_shard(index, TransferSet(directory, shards=shards[: index + 1]))
    for index in range(len(shards), num_shards):
        start = time.time()
        count = min(shard_size, num_samples - index * shard_size)
        images, targets = [], []
        for b in range(-(-count // batch_size)):
            batch = synthesizer.synthesize(batch_size, batch_seed(seed, index, b))
            images.append(batch.images)
            targets.append(batch.targets if batch.targets is not None else np.full((batch_size, identity["num_classes"]), np.nan, np.float32))
            progbar.add(min(batch_size, count - b * batch_size), values=[(k, v) for k, v in batch.metrics.items()])
            if writer:
                with writer.as_default(step=index * shard_size + (b + 1) * batch_size):
                    for k, v in batch.metrics.items():
                        tf.summary.scalar(f"synthesis/{k}", v)
        name = f"shard-{index:05d}.npz"
        with atomic_path(os.path.join(directory, name)) as tmp, open(tmp, "wb") as f:
            np.savez(f, images=np.concatenate(images)[:count], targets=np.concatenate(targets)[:count])
        seconds += time.time() - start
        shards.append({"file": name, "count": count, "sha256": sha256_of(os.path.join(directory, name)),
                       "seconds": round(time.time() - start, 3)})
        write_json(manifest_path, {**identity, "shards": shards, "complete": index + 1 == num_shards,
                                   "synthesis_seconds": round(seconds, 3)})
        if after_shard:
            after_shard(index, TransferSet(directory))
    if writer:
        writer.flush()
    return TransferSet(directory)


def _same_identity(previous: dict, identity: dict, defaults: dict) -> bool:
    """Whether a manifest on disk was made with `identity`. A config field added to the method
    since then is taken at its default, the behaviour the set was made with (a new field must
    default to the old behaviour), so a run started before an upgrade still resumes."""
    recorded = previous.get("config")
    if not isinstance(recorded, dict):
        return False
    config = {**{k: v for k, v in defaults.items() if k not in recorded}, **recorded}
    return {**{k: previous.get(k) for k in identity}, "config": config} == identity


def _shard_intact(directory: str, shard: dict) -> bool:
    path = os.path.join(directory, shard["file"])
    return os.path.exists(path) and sha256_of(path) == shard["sha256"]


def _jsonable(config) -> dict:
    import dataclasses

    return {k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(config).items()}


def open_finished(directory: str) -> TransferSet:
    """The finished transfer set at `directory`, every shard checked against its sha256: what a
    tool that reads another run's set (redistill, a proxy of the adaptation, pruning, UAP) may use."""
    transfer = TransferSet(directory)
    if not transfer.manifest.get("complete"):
        raise TfdfkdError(f"transfer set {directory} is unfinished", "finish it by running the command that writes it again")
    for shard in transfer.manifest["shards"]:
        if not _shard_intact(directory, shard):
            raise TfdfkdError(f"shard {shard['file']} of the transfer set {directory} is missing or damaged (sha256)",
                              "make the transfer set again with a new run of the command that wrote it")
    return transfer


def join(transfers: list[TransferSet]) -> TransferSet:
    """One transfer set that reads the shards of several, in order: the images of several runs
    (two synthesis rounds of one teacher, say) distilled as one set. They must agree on image
    shape and class count; the joined manifest's method names them all when they differ."""
    first = transfers[0]
    for other in transfers[1:]:
        for key in ("image_shape", "num_classes"):
            if other.manifest[key] != first.manifest[key]:  # both read from JSON: lists and ints
                raise TfdfkdError(f"transfer sets {first.directory} and {other.directory} differ in {key} "
                                  f"({first.manifest[key]} against {other.manifest[key]})",
                                  "join only sets synthesized for the same teacher")
    # absolute shard paths: `files` joins them to the first set's directory, which keeps an absolute path as it is
    shards = [{**shard, "file": os.path.join(os.path.abspath(t.directory), shard["file"])}
              for t in transfers for shard in t.manifest["shards"]]
    joined = TransferSet(first.directory, shards)
    methods = list(dict.fromkeys(t.manifest["method"] for t in transfers))
    seconds = [t.manifest.get("synthesis_seconds") for t in transfers]
    joined.manifest = {**joined.manifest, "method": "+".join(methods),
                       "synthesis_seconds": None if None in seconds else round(sum(seconds), 3)}
    return joined


class TransferSet:
    """A finished (or partial) transfer set on disk, read shard by shard."""

    def __init__(self, directory: str, shards: list[dict] | None = None):
        """`shards`: read only these manifest entries (default: all)."""
        path = os.path.join(directory, MANIFEST)
        if not os.path.exists(path):
            raise TfdfkdError(f"{directory} is not a transfer set (no {MANIFEST})", "write one with tfdfkd.transfer_set.write")
        self.directory = directory
        try:
            self.manifest = read_json(path)
        except ValueError as e:  # cut short by a kill or a full disk
            raise TfdfkdError(f"{path} is not valid JSON ({e})", "make the transfer set again with a new run") from None
        if shards is not None:
            self.manifest = {**self.manifest, "shards": shards}

    def __len__(self) -> int:
        return sum(s["count"] for s in self.manifest["shards"])

    @property
    def files(self) -> list[str]:
        return [os.path.join(self.directory, s["file"]) for s in self.manifest["shards"]]

    def shard(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        with np.load(self.files[index]) as f:
            return f["images"], f["targets"]

    def dataset(self, batch_size: int, shuffle_seed: int | None = 0, shuffle_buffer: int = 20000, with_targets: bool = False):
        """A tf.data pipeline of image batches (and targets) streamed from the shards.

        Four shards at a time are read and interleaved, then shuffled in a bounded buffer, so
        memory stays flat however many images the set holds (tools/bench_memory.py measures it).
        """
        import tensorflow as tf

        shape = tuple(self.manifest["image_shape"])
        k = self.manifest["num_classes"]

        def read(path):
            def load(p):
                with np.load(p.decode() if isinstance(p, bytes) else p.numpy().decode()) as f:
                    return f["images"], f["targets"]

            images, targets = tf.numpy_function(load, [path], (tf.float32, tf.float32))
            images.set_shape((None,) + shape)
            targets.set_shape((None, k))
            # unbatch() copies each image out of its shard; from_tensor_slices() would hand out views
            # that keep the whole shard in memory while any of its images waits in the shuffle buffer
            # (measured: peak memory then grows with the size of the set).
            return tf.data.Dataset.from_tensors((images, targets)).unbatch()

        files = tf.data.Dataset.from_tensor_slices(self.files)
        if shuffle_seed is not None:
            files = files.shuffle(len(self.files), seed=shuffle_seed, reshuffle_each_iteration=True)
        shuffled = shuffle_seed is not None
        # Sequential interleave: a parallel one prefetches several whole shards per open one (measured
        # on 200,000 images: +320 MB peak, no faster; reading a shard costs little next to a step).
        data = files.interleave(read, cycle_length=4 if shuffled else 1)
        if shuffled:
            data = data.shuffle(shuffle_buffer, seed=shuffle_seed, reshuffle_each_iteration=True)
        if not with_targets:
            data = data.map(lambda x, t: x)
        # Interleaving shards hides the length from tf.data; stating it lets Keras show the first
        # epoch's progress against its total and end that epoch without a "ran out of data" warning.
        data = data.apply(tf.data.experimental.assert_cardinality(len(self)))
        return data.batch(batch_size).prefetch(tf.data.AUTOTUNE)
