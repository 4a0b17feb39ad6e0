"""tfdfkd.backup.BackupAndRestore: a backup that survives a kill at any instant."""

import json
import os
import time

import keras
import numpy as np
import pytest

from tfdfkd.backup import BackupAndRestore
from tfdfkd.errors import TfdfkdError


class _StopAt(keras.callbacks.Callback):
    """Raises at the start of epoch `epoch`, as a kill would end the run."""

    def __init__(self, epoch):
        super().__init__()
        self.epoch = epoch

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.epoch:
            raise RuntimeError("killed")


def _read_json(path):
    with open(path) as f:
        return json.load(f)


def _model():
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    model.compile(keras.optimizers.Adam(0.1), "mse")
    return model


def test_resume_skips_a_half_written_backup_and_continues_from_the_last_whole_one(tmp_path):
    backup = str(tmp_path / "backup")
    x, y = np.random.default_rng(0).random((32, 4), dtype=np.float32), np.ones((32, 1), np.float32)
    model = _model()
    with pytest.raises(RuntimeError, match="killed"):
        model.fit(x, y, epochs=5, verbose=0, callbacks=[BackupAndRestore(backup), _StopAt(2)])
    metadata = _read_json(os.path.join(backup, "training_metadata.json"))
    assert metadata["epoch"] == 2 and os.path.exists(os.path.join(backup, metadata["weights"]))
    saved = [w.numpy() for w in model.weights]
    # A kill during the next backup leaves a truncated temporary (Keras's own callback would leave a
    # truncated latest.weights.h5 and fail to resume with an OSError).
    with open(os.path.join(backup, ".tmp-99999999-epoch-000003-batch-000000.weights.h5"), "wb") as f:
        f.write(b"\x89HDF\r\n\x1a\n truncated")

    resumed = _model()
    with pytest.raises(RuntimeError, match="killed"):
        resumed.fit(x, y, epochs=5, verbose=0, callbacks=[BackupAndRestore(backup), _WeightsAt(2, saved), _StopAt(4)])
    metadata = _read_json(os.path.join(backup, "training_metadata.json"))
    assert metadata["epoch"] == 4
    assert sorted(os.listdir(backup)) == sorted([metadata["weights"], "training_metadata.json"])  # the temporary is gone

    history = _model().fit(x, y, epochs=5, verbose=0, callbacks=[BackupAndRestore(backup)])
    assert len(history.history["loss"]) == 1  # only epoch 4 was left


def test_a_run_killed_after_its_last_epoch_resumes_with_nothing_to_train_until_discarded(tmp_path):
    backup = str(tmp_path / "backup")
    x, y = np.random.default_rng(0).random((32, 4), dtype=np.float32), np.ones((32, 1), np.float32)
    model, first = _model(), BackupAndRestore(backup)
    history = model.fit(x, y, epochs=3, verbose=0, callbacks=[first])
    assert os.path.exists(backup)  # kept when fit ends (Keras's own callback deletes it)
    assert first.last_logs["loss"] == pytest.approx(history.history["loss"][-1])
    trained = [w.numpy() for w in model.weights]

    resumed, second = _model(), BackupAndRestore(backup)  # the rerun after a kill during the export
    assert second.last_logs == {}
    again = resumed.fit(x, y, epochs=3, verbose=0, callbacks=[second])
    assert again.history == {}  # nothing left to train
    for w, e in zip(resumed.weights, trained):
        np.testing.assert_array_equal(w.numpy(), e)
    assert second.last_logs["loss"] == pytest.approx(history.history["loss"][-1])  # the final loss survives the kill
    second.discard()
    assert not os.path.exists(backup)


def test_a_diverged_epoch_is_never_backed_up(tmp_path):
    backup = str(tmp_path / "backup")
    x, y = np.ones((8, 4), np.float32), np.ones((8, 1), np.float32)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    model.compile(keras.optimizers.SGD(1e30), "mse")  # diverges in its second epoch
    callback = BackupAndRestore(backup)
    history = model.fit(x, y, epochs=3, verbose=0, callbacks=[callback, keras.callbacks.TerminateOnNaN()])
    assert not np.isfinite(history.history["loss"][-1])
    assert _read_json(os.path.join(backup, "training_metadata.json"))["epoch"] < len(history.history["loss"])
    assert all(np.isfinite(value) for value in callback.last_logs.values())


class _WeightsAt(keras.callbacks.Callback):
    """Checks that epoch `epoch` starts from the `expected` weights."""

    def __init__(self, epoch, expected):
        super().__init__()
        self.epoch, self.expected = epoch, expected

    def on_epoch_begin(self, epoch, logs=None):
        assert epoch >= self.epoch, f"the resumed fit started at epoch {epoch}"
        if epoch == self.epoch:
            for w, e in zip(self.model.weights, self.expected):
                np.testing.assert_array_equal(w.numpy(), e)


class _Sleep(keras.callbacks.Callback):
    """Makes every epoch last at least `seconds`, so training time is measurable."""

    def __init__(self, seconds):
        super().__init__()
        self.seconds = seconds

    def on_epoch_end(self, epoch, logs=None):
        time.sleep(self.seconds)


def test_training_seconds_add_up_over_a_kill_and_resume(tmp_path):
    backup = str(tmp_path / "backup")
    x, y = np.ones((8, 4), np.float32), np.ones((8, 1), np.float32)
    first = BackupAndRestore(backup)
    with pytest.raises(RuntimeError, match="killed"):
        _model().fit(x, y, epochs=4, verbose=0, callbacks=[_Sleep(0.3), first, _StopAt(2)])
    recorded = _read_json(os.path.join(backup, "training_metadata.json"))["seconds"]
    assert recorded >= 0.6  # two epochs of at least 0.3 s

    second = BackupAndRestore(backup)
    _model().fit(x, y, epochs=4, verbose=0, callbacks=[_Sleep(0.3), second])
    assert second.seconds_before_this_fit == recorded
    assert second.training_seconds() >= recorded + 0.6  # the whole run's time, not the resumed part's


def test_a_backup_of_other_settings_is_refused_and_the_same_settings_resume(tmp_path):
    backup = str(tmp_path / "backup")
    x, y = np.ones((8, 4), np.float32), np.ones((8, 1), np.float32)
    _model().fit(x, y, epochs=2, verbose=0, callbacks=[BackupAndRestore(backup, settings={"epochs": 2, "lr": (0.1,)})])
    with pytest.raises(TfdfkdError, match=r"holds the backup of a run with other settings \(epochs\)"):
        BackupAndRestore(backup, settings={"epochs": 3, "lr": (0.1,)}, fix="delete it")
    again = _model().fit(x, y, epochs=2, verbose=0, callbacks=[BackupAndRestore(backup, settings={"epochs": 2, "lr": (0.1,)})])
    assert again.history == {}  # tuples compare as the lists they read back as: the same run, finished
    BackupAndRestore(backup)  # a caller that passes no settings checks none


def test_mid_epoch_backups_are_refused():
    with pytest.raises(ValueError, match="epoch ends only"):
        BackupAndRestore("unused", save_freq=10)
