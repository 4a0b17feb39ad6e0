"""A run SIGKILLed again and again resumes to the result of an uninterrupted run.

`tools/distill.py` on a tiny digits setting (7 shards of 200 images, 6 distillation epochs) is
killed with SIGKILL twice during synthesis and twice during distillation, each time
restarted with the same command, while an uninterrupted reference run of the same command runs
alongside. Kill points are chosen by watching the run's staging directory: once the process has
made two steps of progress of its own (two new shards in the manifest; two new epochs in the
distillation backup), it is killed a seeded random fraction (0 to 0.8) of the time the last step
took later, so the kill lands inside the next shard or epoch, or on the write of a shard, the
manifest or a backup. The run then finishes, and:

* every shard is byte-identical to the reference run's (same seed), the manifest lists exactly
  7 shards and 1,400 images, nothing else is in the transfer set (no duplicate, no
  half-written temporary), and the stream yields exactly 1,800 images;
* `metrics.json` is valid JSON with the contracted keys, and no `<out>.partial` is left.

The student is not compared: a resumed fit sees its batches in another order.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUM_SAMPLES, SHARDS, EPOCHS = 1400, 7, 6
ARGS = ["--teacher=lenet5_digits", f"--num_samples={NUM_SAMPLES}", "--synth_batch_size=20", "--synth_iterations=15",
        "--synth_learning_rate=0.05", "--synth_clip", f"--distill_epochs={EPOCHS}", "--distill_batch_size=200", "--seed=11"]
METRIC_KEYS = ("method", "num_samples", "teacher_accuracy", "student_accuracy", "synthesis_seconds", "distill_seconds",
               "final_distillation_loss", "seed", "command", "commit", "config")
TIMEOUT = 120  # seconds any one process may run


def _command(out):
    return [sys.executable, os.path.join(ROOT, "tools", "distill.py"), *ARGS, f"--out={out}"]


def _env():
    return {**os.environ, "PYTHONPATH": ROOT, "TF_CPP_MIN_LOG_LEVEL": "3"}


def _read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):  # not there yet
        return None


def _shards_listed(staging):
    manifest = _read_json(os.path.join(staging, "transfer_set", "manifest.json"))
    return len(manifest["shards"]) if manifest else 0


def _epochs_backed_up(staging):
    metadata = _read_json(os.path.join(staging, "backup", "training_metadata.json"))
    return metadata["epoch"] if metadata else 0


def _run_and_kill(out, progress, fraction):
    """Starts the command, waits for two steps of `progress(staging)` beyond its value at the start,
    sleeps `fraction` of the second step's duration and sends SIGKILL. Returns (return code, what
    the kill interrupted)."""
    staging = out + ".partial"
    process = subprocess.Popen(_command(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), cwd=ROOT)
    try:
        deadline = time.time() + TIMEOUT
        value, times = progress(staging), []
        while len(times) < 2:
            assert process.poll() is None, f"the run ended (status {process.returncode}) before it could be killed"
            assert time.time() < deadline, "no progress before the timeout"
            if progress(staging) > value:
                value, times = progress(staging), times + [time.time()]
            time.sleep(0.01)
        time.sleep(fraction * (times[1] - times[0]))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    manifest = _read_json(os.path.join(staging, "transfer_set", "manifest.json"))
    return process.returncode, "distillation" if manifest and manifest["complete"] else "synthesis"


def _shard_files(out):
    def read(path):
        with open(path, "rb") as f:
            return f.read()

    directory = os.path.join(out, "transfer_set")
    return {name: read(os.path.join(directory, name)) for name in sorted(os.listdir(directory)) if name != "manifest.json"}


def test_sigkill_during_synthesis_and_distillation_then_resume_matches_an_uninterrupted_run(tmp_path):
    reference, out = str(tmp_path / "reference"), str(tmp_path / "killed")
    with open(tmp_path / "reference.log", "w+") as log:
        uninterrupted = subprocess.Popen(_command(reference), stdout=log, stderr=subprocess.STDOUT, env=_env(), cwd=ROOT)
        try:
            rng = random.Random(6)  # seeded kill points
            # two kills of each phase: the second resumes a run that was itself resumed
            interrupted = [_run_and_kill(out, _shards_listed, rng.uniform(0.0, 0.8)) for _ in range(2)]
            interrupted += [_run_and_kill(out, _epochs_backed_up, rng.uniform(0.0, 0.8)) for _ in range(2)]
            assert interrupted == [(-signal.SIGKILL, "synthesis")] * 2 + [(-signal.SIGKILL, "distillation")] * 2, interrupted
            result = subprocess.run(_command(out), capture_output=True, text=True, timeout=TIMEOUT, env=_env(), cwd=ROOT, check=False)
            assert result.returncode == 0, result.stderr[-3000:]
            uninterrupted.wait(timeout=TIMEOUT)
        finally:
            if uninterrupted.poll() is None:
                uninterrupted.kill()
            uninterrupted.wait()
        log.seek(0)
        assert uninterrupted.returncode == 0, log.read()[-3000:]
    assert not os.path.exists(out + ".partial")

    from tfdfkd.transfer_set import TransferSet

    killed, clean = _shard_files(out), _shard_files(reference)
    assert list(killed) == [f"shard-{i:05d}.npz" for i in range(SHARDS)]  # nothing else: no duplicate, no temporary
    assert killed == clean  # byte-identical
    manifest, reference_manifest = (_read_json(os.path.join(d, "transfer_set", "manifest.json")) for d in (out, reference))
    assert [(s["file"], s["count"], s["sha256"]) for s in manifest["shards"]] == \
        [(s["file"], s["count"], s["sha256"]) for s in reference_manifest["shards"]]
    transfer = TransferSet(os.path.join(out, "transfer_set"))
    assert len(transfer) == NUM_SAMPLES and manifest["complete"]
    assert sum(len(batch) for batch in transfer.dataset(500, shuffle_seed=None).as_numpy_iterator()) == NUM_SAMPLES
    assert not [name for _, _, names in os.walk(out) for name in names if name.startswith(".tmp-")]

    metrics = _read_json(os.path.join(out, "metrics.json"))
    assert metrics is not None, "metrics.json is not valid JSON"
    assert all(key in metrics for key in METRIC_KEYS), set(METRIC_KEYS) - set(metrics)
    assert metrics["num_samples"] == NUM_SAMPLES and np.isfinite(metrics["final_distillation_loss"])
    assert 0.0 <= metrics["student_accuracy"] <= 1.0
