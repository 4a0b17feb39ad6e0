import json
import os

import numpy as np
import pytest

from tfdfkd import synthesis, transfer_set
from tfdfkd.errors import TfdfkdError


@pytest.fixture
def synth(digits_teacher, strategy):
    return synthesis.create("zskd", digits_teacher, strategy, iterations=3)


def _read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def _shard_bytes(directory):
    return {f: _read_bytes(os.path.join(directory, f)) for f in sorted(os.listdir(directory)) if f.startswith("shard-")}


def test_write_shards_manifest_and_stream_back(synth, tmp_path):
    ts = transfer_set.write(synth, str(tmp_path / "ts"), num_samples=250, batch_size=40, shard_size=100, verbose=0)
    assert len(ts) == 250 and [s["count"] for s in ts.manifest["shards"]] == [100, 100, 50]
    assert ts.manifest["complete"] and ts.manifest["method"] == "zskd"
    streamed = np.concatenate(list(ts.dataset(batch_size=32, shuffle_seed=None).as_numpy_iterator()))
    stored = np.concatenate([ts.shard(i)[0] for i in range(3)])
    np.testing.assert_array_equal(streamed, stored)
    assert not any(f.startswith(".tmp") for f in os.listdir(tmp_path / "ts"))


def test_resume_after_a_kill_keeps_finished_shards_and_matches_a_clean_run(synth, tmp_path):
    clean = str(tmp_path / "clean")
    transfer_set.write(synth, clean, num_samples=300, batch_size=50, shard_size=100, verbose=0)
    killed = str(tmp_path / "killed")
    transfer_set.write(synth, killed, num_samples=300, batch_size=50, shard_size=100, verbose=0)
    # simulate a kill after the first shard: the manifest lists one shard, a stray temp file remains
    manifest_path = os.path.join(killed, "manifest.json")
    with open(manifest_path) as f:
        manifest = json.load(f)
    manifest["shards"], manifest["complete"] = manifest["shards"][:1], False
    with open(manifest_path, "w") as f:
        json.dump(manifest, f)
    os.remove(os.path.join(killed, "shard-00002.npz"))
    first = _read_bytes(os.path.join(killed, "shard-00000.npz"))
    mtime = os.path.getmtime(os.path.join(killed, "shard-00000.npz"))
    transfer_set.write(synth, killed, num_samples=300, batch_size=50, shard_size=100, verbose=0)
    assert os.path.getmtime(os.path.join(killed, "shard-00000.npz")) == mtime  # not rewritten
    assert _read_bytes(os.path.join(killed, "shard-00000.npz")) == first
    assert _shard_bytes(killed) == _shard_bytes(clean)  # byte-identical to an uninterrupted run
    assert len(transfer_set.TransferSet(killed)) == 300



def test_a_damaged_middle_shard_is_made_again_in_its_place(synth, tmp_path):
    clean, damaged = str(tmp_path / "clean"), str(tmp_path / "damaged")
    transfer_set.write(synth, clean, num_samples=300, batch_size=50, shard_size=100, verbose=0)
    transfer_set.write(synth, damaged, num_samples=300, batch_size=50, shard_size=100, verbose=0)
    with open(os.path.join(damaged, "shard-00001.npz"), "r+b") as f:  # one flipped byte
        f.seek(200)
        byte = f.read(1)
        f.seek(200)
        f.write(bytes([byte[0] ^ 0xFF]))
    again = transfer_set.write(synth, damaged, num_samples=300, batch_size=50, shard_size=100, verbose=0)
    assert [s["file"] for s in again.manifest["shards"]] == ["shard-00000.npz", "shard-00001.npz", "shard-00002.npz"]
    assert len(again) == 300 and again.manifest["complete"]
    assert _shard_bytes(damaged) == _shard_bytes(clean)


def test_a_set_made_before_a_config_field_existed_resumes_at_its_default(synth, tmp_path):
    directory = str(tmp_path / "ts")
    transfer_set.write(synth, directory, num_samples=200, batch_size=50, shard_size=100, verbose=0)
    manifest_path = os.path.join(directory, transfer_set.MANIFEST)
    with open(manifest_path) as f:
        manifest = json.load(f)
    del manifest["config"]["clip"]  # as written by a version without that field (the run used its default)
    manifest["shards"], manifest["complete"] = manifest["shards"][:1], False
    with open(manifest_path, "w") as f:
        json.dump(manifest, f)
    resumed = transfer_set.write(synth, directory, num_samples=200, batch_size=50, shard_size=100, verbose=0)
    assert len(resumed) == 200 and resumed.manifest["complete"]

def test_same_seed_same_bytes_other_seed_other_bytes(synth, tmp_path):
    a = transfer_set.write(synth, str(tmp_path / "a"), 60, batch_size=30, seed=1, verbose=0)
    b = transfer_set.write(synth, str(tmp_path / "b"), 60, batch_size=30, seed=1, verbose=0)
    c = transfer_set.write(synth, str(tmp_path / "c"), 60, batch_size=30, seed=2, verbose=0)
    assert _shard_bytes(a.directory) == _shard_bytes(b.directory)
    assert _shard_bytes(a.directory) != _shard_bytes(c.directory)


def test_directory_with_other_settings_is_refused(synth, tmp_path):
    transfer_set.write(synth, str(tmp_path / "ts"), 40, batch_size=20, verbose=0)
    with pytest.raises(TfdfkdError, match="other settings"):
        transfer_set.write(synth, str(tmp_path / "ts"), 40, batch_size=20, seed=5, verbose=0)


def test_joined_sets_read_every_shard_of_each_in_order(synth, tmp_path, monkeypatch):
    a = transfer_set.write(synth, str(tmp_path / "a"), 60, batch_size=30, shard_size=30, seed=1, verbose=0)
    b = transfer_set.write(synth, str(tmp_path / "b"), 30, batch_size=30, seed=2, verbose=0)
    monkeypatch.chdir(tmp_path / "b")  # the joined set's paths do not depend on where it is read from
    joined = transfer_set.join([transfer_set.open_finished(str(tmp_path / "a")), transfer_set.open_finished("../b")])
    assert len(joined) == 90 and joined.manifest["method"] == "zskd"
    assert joined.manifest["synthesis_seconds"] == pytest.approx(a.manifest["synthesis_seconds"] + b.manifest["synthesis_seconds"], abs=0.01)
    streamed = np.concatenate(list(joined.dataset(batch_size=32, shuffle_seed=None).as_numpy_iterator()))
    stored = np.concatenate([a.shard(0)[0], a.shard(1)[0], b.shard(0)[0]])
    np.testing.assert_array_equal(streamed, stored)
    assert len(joined.manifest["shards"]) == 3 and len(a.manifest["shards"]) == 2  # the parts are left as they were

    other = dict(b.manifest, num_classes=3)
    with pytest.raises(TfdfkdError, match="differ in num_classes"):
        transfer_set.join([a, _with_manifest(b, other)])


def _with_manifest(transfer, manifest):
    clone = transfer_set.TransferSet(transfer.directory)
    clone.manifest = manifest
    return clone


WRITE_IN_A_FRESH_PROCESS = """
import json, sys
import tensorflow as tf
from tfdfkd import synthesis, teacher, transfer_set

strategy = tf.distribute.MirroredStrategy()
with strategy.scope():
    synth = synthesis.create(sys.argv[2], teacher.load(sys.argv[3]), strategy, **json.loads(sys.argv[4]))
transfer_set.write(synth, sys.argv[1], 60, batch_size=30, seed=1, verbose=0)
"""


@pytest.mark.parametrize("method, zoo_name, settings", [
    ("zskd", "lenet5_digits", {"iterations": 3}),
    ("deepinversion", "lenet5_bn_digits", {"iterations": 3, "feature_weight": 1.0}),  # random jitter and flips too
])
def test_same_seed_same_bytes_in_a_fresh_process(tmp_path, strategy, method, zoo_name, settings):
    """Determinism across processes (what a resumed or repeated run relies on), for an
    input-optimisation method and for one with random jitter and flips; another seed differs."""
    import subprocess
    import sys

    from tfdfkd import teacher

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = subprocess.run([sys.executable, "-c", WRITE_IN_A_FRESH_PROCESS, str(tmp_path / "fresh"), method, zoo_name, json.dumps(settings)],
                            capture_output=True, text=True, timeout=300, cwd=root, check=False,
                            env={**os.environ, "PYTHONPATH": root, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert result.returncode == 0, result.stderr[-2000:]
    with strategy.scope():
        synth = synthesis.create(method, teacher.load(zoo_name), strategy, **settings)
    here = transfer_set.write(synth, str(tmp_path / "here"), 60, batch_size=30, seed=1, verbose=0)
    other = transfer_set.write(synth, str(tmp_path / "other"), 60, batch_size=30, seed=2, verbose=0)
    assert _shard_bytes(str(tmp_path / "fresh")) == _shard_bytes(here.directory)
    assert _shard_bytes(other.directory) != _shard_bytes(here.directory)
