"""`BackupAndRestore`: Keras's resumable-fit callback, made safe against a kill at any instant.

Keras 3.15's `keras.callbacks.BackupAndRestore` overwrites `latest.weights.h5` in place and then
`training_metadata.json`. A kill during the first write leaves a truncated HDF5 file that the
next run cannot load (an OSError traceback instead of a resume); a kill between the two writes
pairs the new weights with the old epoch count, and an epoch is trained twice.

Here each backup's weights go to a new file named after its epoch, written under a temporary
name and renamed into place; then the metadata, also renamed into place, names that file; only
then are older weight files removed. Whenever a kill lands, the directory holds the previous
backup or the new one, whole.

Each backup also records the seconds `fit` has run so far, over every invocation, so a resumed
run reports its whole training time (`seconds_before_this_fit` plus this invocation's), and the
logs of its last epoch (`last_logs`).

Unlike Keras's, the backup is kept when `fit` ends (`delete_checkpoint=False` by default): a
kill after training but before the caller has stored its result (an export, a rename) must not
throw the training away. The rerun restores the last epoch, `fit` trains nothing, and
`last_logs` still holds the final losses. The caller removes the directory (`discard`) once its
result is safe.

A backup kept that long may be found by a later run with other settings in the same directory,
which would silently take its weights and train only the remaining epochs (or none). A caller
that passes `settings` (what defines the training: its configuration, fingerprints of its data)
has them recorded with every backup, and a backup recorded with other settings is refused.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time

import keras

from tfdfkd.io_utils import atomic_path, read_json, write_json


class BackupAndRestore(keras.callbacks.BackupAndRestore):
    """`keras.callbacks.BackupAndRestore` with atomic backups; same arguments and behaviour
    (restore at `on_train_begin`, backup at every epoch's end), except that the backup outlives
    `fit` until `discard` unless `delete_checkpoint=True`, and that a backup recorded with other
    `settings` is refused (`fix` says how to go on)."""

    seconds_before_this_fit = 0.0  # training seconds of earlier, killed invocations (from the backup)

    def __init__(self, backup_dir, save_freq="epoch", double_checkpoint=False, delete_checkpoint=False,
                 settings: dict | None = None, fix: str = "delete the backup directory to start again, or use another work directory"):
        if save_freq != "epoch":  # a mid-epoch backup would bypass the finite-logs guard and record the wrong epoch
            raise ValueError(f"tfdfkd's BackupAndRestore backs up at epoch ends only, not save_freq={save_freq!r}")
        super().__init__(backup_dir, save_freq=save_freq, double_checkpoint=double_checkpoint, delete_checkpoint=delete_checkpoint)
        self.last_logs: dict = {}  # the logs of the last finished epoch, this invocation's or a restored backup's
        self.settings = None if settings is None else json.loads(json.dumps(settings))  # tuples as lists, as they read back
        if self.settings is not None and os.path.exists(self._training_metadata_path):
            recorded = read_json(self._training_metadata_path).get("settings")
            if recorded is not None and recorded != self.settings:
                from tfdfkd.errors import TfdfkdError

                changed = sorted(k for k in set(recorded) | set(self.settings) if recorded.get(k) != self.settings.get(k))
                raise TfdfkdError(f"{backup_dir} holds the backup of a run with other settings ({', '.join(changed)})", fix)

    def discard(self) -> None:
        """Removes the backup: call it once the run's result is stored."""
        shutil.rmtree(self.backup_dir, ignore_errors=True)

    def on_epoch_end(self, epoch, logs=None):
        numbers = {name: float(value) for name, value in (logs or {}).items() if _is_number(value)}
        if not all(math.isfinite(value) for value in numbers.values()):
            return  # never back up a diverged model: a rerun resumes from the last finite epoch
        self.last_logs = numbers
        super().on_epoch_end(epoch, logs)

    def on_train_begin(self, logs=None):
        self._fit_started = time.time()
        super().on_train_begin(logs)

    def training_seconds(self) -> float:
        """Seconds `fit` has trained this run, earlier killed invocations included."""
        return self.seconds_before_this_fit + time.time() - getattr(self, "_fit_started", time.time())

    def _save_model(self):
        os.makedirs(self.backup_dir, exist_ok=True)
        name = f"epoch-{self._current_epoch:06d}-batch-{self._last_batch_seen:06d}.weights.h5"
        with atomic_path(os.path.join(self.backup_dir, name)) as tmp:
            self.model.save_weights(tmp, overwrite=True)
        write_json(self._training_metadata_path, {"epoch": self._current_epoch, "batch": self._last_batch_seen, "weights": name,
                                                  "seconds": self.training_seconds(), "logs": self.last_logs,
                                                  **({"settings": self.settings} if self.settings is not None else {})})
        for stale in os.listdir(self.backup_dir):
            if stale.endswith(".weights.h5") and stale != name:  # older backups, and temporaries of killed writes
                os.remove(os.path.join(self.backup_dir, stale))

    def _load_model(self):
        if not self.model.built:
            raise ValueError("BackupAndRestore needs a built model: call it on a batch before fit()")
        if not os.path.exists(self._training_metadata_path):
            return
        metadata = read_json(self._training_metadata_path)
        if "weights" not in metadata:  # written by keras.callbacks.BackupAndRestore itself
            return super()._load_model()
        if self.model.optimizer is not None and not self.model.optimizer.built:
            self.model.optimizer.build(self.model.trainable_variables)  # so its variables are restored too
        self.model.load_weights(os.path.join(self.backup_dir, metadata["weights"]))
        self.model._initial_epoch = metadata["epoch"]  # what Keras's own callback sets; fit() starts there
        self.seconds_before_this_fit = float(metadata.get("seconds", 0.0))
        self.last_logs = dict(metadata.get("logs", {}))


def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
