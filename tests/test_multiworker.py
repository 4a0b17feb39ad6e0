"""Scale-out: two workers on loopback give what one process gives on the same global batch.

* `test_two_workers_match_one_process`: `tools/distill.py --strategy=multi_worker` as two
  processes on 127.0.0.1 (one TF_CONFIG each, two free ports), a tiny ZSKD run on the zoo's
  digits teacher with a global synthesis and distillation batch of 20 (10 per worker), against
  the same command in one process (`--strategy=mirrored`, one replica). Synthesis: each replica
  optimises its own slice of the same seeded noise towards the same targets, so the transfer
  set matches up to float round-off of convolutions on 10 instead of 20 images (measured
  1.1e-4; tolerance 1e-3). Distillation: gradients are all-reduced over the global batch, so the
  students match up to round-off accumulated over 4 Adam steps (measured 6.5e-6; tolerance 1e-3
  on weights, 1% on the final loss). Only the chief (worker 0) writes `--out`; the other worker's
  scratch copy lives under its own TMPDIR and must be gone afterwards.
* `test_two_replicas_match_one_for_input_optimisers`: in a subprocess with the CPU split into two
  logical devices, DeepInversion on 2 replicas (BN statistics all-reduced across replicas in
  `feature_stats.batch_moments`) against 1 replica, same global batch: same feature loss
  (measured relative difference 2e-7; tolerance 1e-4) and images (measured 6.6e-6; tolerance
  1e-4). With per-slice statistics instead, the feature loss differs by 5e-3 and the images by 0.88.
  The same for Data Impressions under parametrisation=fourier, whose render gain is the whole
  batch's (measured 3.3e-6; tolerance 1e-4; per-slice gains differ by 1.5).

Both bound their time (timeouts) and kill and reap their processes in `finally`.
"""

import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = ["--teacher=lenet5_digits", "--num_samples=40", "--synth_batch_size=20", "--synth_iterations=20",
        "--synth_learning_rate=0.05", "--synth_clip", "--distill_epochs=2", "--distill_batch_size=20", "--seed=3"]
TIMEOUT = 240  # seconds for each phase; the whole test takes about 35 s on 2 busy cores


def _free_ports(n):
    sockets = [socket.socket() for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _env(**extra):
    return {**os.environ, "PYTHONPATH": ROOT, "TF_CPP_MIN_LOG_LEVEL": "3", **extra}


def _stop(processes):
    for p in processes:
        if p.poll() is None:
            p.kill()
    for p in processes:
        p.wait()


def _shards(out):
    directory = os.path.join(out, "transfer_set")
    return [np.load(os.path.join(directory, f)) for f in sorted(os.listdir(directory)) if f.endswith(".npz")]


def _student_weights(out):
    import keras

    return [w.numpy() for w in keras.models.load_model(os.path.join(out, "student.keras")).weights]


def _run_two_workers(tmp_path, args, out):
    """`tools/distill.py ARGS --strategy=multi_worker --out=OUT` as two workers on loopback;
    asserts both exit 0."""
    ports = _free_ports(2)
    cluster = {"worker": [f"127.0.0.1:{p}" for p in ports]}
    command = [sys.executable, os.path.join(ROOT, "tools", "distill.py"), *args, "--strategy=multi_worker", f"--out={out}"]
    workers = []
    try:
        for index in range(2):
            scratch = tmp_path / f"tmp{index}"
            scratch.mkdir()
            tf_config = json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}})
            with open(tmp_path / f"worker{index}.log", "w") as log:  # the child keeps its own handle
                workers.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                                env=_env(TF_CONFIG=tf_config, TMPDIR=str(scratch))))
        for p in workers:
            p.wait(timeout=TIMEOUT)
    finally:
        _stop(workers)
    for index, p in enumerate(workers):
        assert p.returncode == 0, f"worker {index}: " + (tmp_path / f"worker{index}.log").read_text()[-3000:]


def test_two_workers_match_one_process(tmp_path):
    out, single = str(tmp_path / "out"), str(tmp_path / "single")
    _run_two_workers(tmp_path, TINY, out)
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "distill.py"), *TINY, f"--out={single}"],
                            capture_output=True, text=True, timeout=TIMEOUT, env=_env(), cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr[-3000:]

    # Only the chief wrote, and wrote everything; the other worker's scratch copy is gone.
    assert sorted(os.listdir(tmp_path)) == ["out", "single", "tmp0", "tmp1", "worker0.log", "worker1.log"]
    assert os.listdir(tmp_path / "tmp1") == []
    assert os.path.exists(os.path.join(out, "flags.txt")) and os.path.exists(os.path.join(out, "student", "saved_model.pb"))
    multi, one = (json.loads((tmp_path / d / "metrics.json").read_text()) for d in ("out", "single"))
    assert (multi["replicas"], one["replicas"]) == (2, 1) and multi["num_samples"] == one["num_samples"] == 40

    for a, b in zip(_shards(out), _shards(single), strict=True):
        np.testing.assert_array_equal(a["targets"], b["targets"])  # sampled with numpy from the seed
        np.testing.assert_allclose(a["images"], b["images"], rtol=0, atol=1e-3)
    for a, b in zip(_student_weights(out), _student_weights(single), strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-3)
    assert multi["final_distillation_loss"] == pytest.approx(one["final_distillation_loss"], rel=0.01)


TWO_REPLICAS = """
import json, sys
import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
import numpy as np
from tfdfkd import synthesis, teacher

results = {}
for name, devices in (("one", ["/cpu:0"]), ("two", ["/cpu:0", "/cpu:1"])):
    strategy = tf.distribute.MirroredStrategy(devices)
    with strategy.scope():
        synth = synthesis.create("deepinversion", teacher.load("lenet5_bn_digits"), strategy,
                                 iterations=10, learning_rate=0.1, feature_weight=1.0)
        spectral = synthesis.create("zskd", teacher.load("lenet5_digits"), strategy, iterations=10, learning_rate=0.05,
                                    parametrisation="fourier", spectrum_decay=2.0, clip=False)
    batch = synth.synthesize(20, 7)
    np.save(sys.argv[1] + f"/{name}.npy", batch.images)
    np.save(sys.argv[1] + f"/{name}_fourier.npy", spectral.synthesize(20, 7).images)
    results[name] = {"replicas": strategy.num_replicas_in_sync, **batch.metrics}
print(json.dumps(results))
"""


def test_two_replicas_match_one_for_input_optimisers(tmp_path):
    process = subprocess.Popen([sys.executable, "-c", TWO_REPLICAS, str(tmp_path)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        _stop([process])
    assert process.returncode == 0, stderr[-3000:]
    results = json.loads(stdout.strip().splitlines()[-1])
    one, two = results["one"], results["two"]
    assert (one["replicas"], two["replicas"]) == (1, 2)
    # Each replica sees only 10 images, but matches the statistics of all 20: the feature loss is the
    # global batch's (per-slice statistics would give a visibly different loss and images).
    assert two["feature"] == pytest.approx(one["feature"], rel=1e-4)
    assert two["cross_entropy"] == pytest.approx(one["cross_entropy"], rel=1e-4)
    np.testing.assert_allclose(np.load(tmp_path / "two.npy"), np.load(tmp_path / "one.npy"), rtol=0, atol=1e-4)
    # Data Impressions with the spectrum parametrisation: the render's gain is the whole batch's.
    np.testing.assert_allclose(np.load(tmp_path / "two_fourier.npy"), np.load(tmp_path / "one_fourier.npy"), rtol=0, atol=1e-4)


def test_two_workers_run_the_shader_method(tmp_path, shader_cache):
    """The shader method's own distiller (augmentation, mixup, border and deeper attacks in every
    step) under two workers: it finishes, only the chief writes, and the student learned."""
    out = str(tmp_path / "out")
    args = ["--teacher=lenet5_digits", "--method=shaders", f"--synth_settings=cache={shader_cache}", "--num_samples=40",
            "--synth_batch_size=20", "--distill_epochs=2", "--distill_batch_size=20", "--distill_optimizer=sgd",
            "--distill_learning_rate=0.01", "--seed=3"]
    _run_two_workers(tmp_path, args, out)
    assert sorted(os.listdir(tmp_path)) == ["out", "tmp0", "tmp1", "worker0.log", "worker1.log"]
    assert os.listdir(tmp_path / "tmp1") == []
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text())
    assert metrics["replicas"] == 2 and metrics["method"] == "shaders" and np.isfinite(metrics["final_distillation_loss"])
