"""Peak memory of a whole distillation run as the transfer set grows: it should stay flat.

    python tools/bench_memory.py --out=tools/bench/memory_streaming.json

Runs `tools/distill.py` once per --num_samples value, each in a fresh process, with a synthesis
setting so cheap that the run is about reading the transfer set (ZSKD, one iteration per image)
and one distillation epoch over it, and takes each process's peak resident set size from the
kernel (`os.wait4`'s `ru_maxrss`). The transfer set is streamed shard by shard (interleave, a
bounded shuffle buffer, prefetch), so peak memory should barely depend on its size: the record
says whether the ratio of the largest to the smallest run stays under --max_ratio.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLAGS = flags.FLAGS
flags.DEFINE_list("num_samples", ["10000", "200000"], "Transfer-set sizes, one fresh run each.")
flags.DEFINE_string("teacher", "lenet5_digits", "Zoo name, .keras file or SavedModel directory.")
flags.DEFINE_string("method", "zskd", "Synthesis method.")
flags.DEFINE_integer("synth_iterations", 1, "Optimisation steps per image (1: the images barely matter here).", lower_bound=1)
flags.DEFINE_integer("synth_batch_size", 1000, "Images per synthesis batch (shards hold 10 batches).", lower_bound=1)
flags.DEFINE_integer("distill_epochs", 1, "Epochs over the transfer set.", lower_bound=1)
flags.DEFINE_integer("distill_batch_size", 1000, "Distillation batch size.", lower_bound=1)
flags.DEFINE_enum("strategy", "mirrored", ["default", "mirrored", "multi_worker", "tpu"], "tf.distribute strategy of the runs.")
flags.DEFINE_float("max_ratio", 1.5, "Largest acceptable peak-RSS ratio between the largest and the smallest set.", lower_bound=1.0)
flags.DEFINE_string("work_dir", None, "Where the runs write (default: a temporary directory, deleted afterwards).")
flags.DEFINE_string("out", None, "Where to write the JSON record (default: print only).")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(bench, resumable=False)


def peak_rss_mb(command: list[str], log_path: str) -> tuple[float, float]:
    """Runs `command` to completion; returns (its peak resident set size in MB, seconds)."""
    import subprocess

    from tfdfkd.errors import TfdfkdError

    start = time.time()
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                   env={**os.environ, "PYTHONPATH": ROOT, "TF_CPP_MIN_LOG_LEVEL": "3"})
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        with open(log_path) as log:
            tail = (log.read().strip().splitlines()[-1:] or [""])[0]
        problem, _, fix = tail.removeprefix("error: ").partition(". Fix: ")  # the run's own one-line error, when it gave one
        raise TfdfkdError(f"the run {' '.join(command[1:3])} ... failed with status {process.returncode}: {problem[:300]}",
                          fix or (f"see {log_path}" if FLAGS.work_dir else "rerun with --work_dir=DIR to keep its log"))
    return usage.ru_maxrss / 1024, time.time() - start  # Linux reports kilobytes


def bench():
    import shutil

    from tfdfkd.errors import TfdfkdError
    from tfdfkd.io_utils import check_record_path, git_commit, write_benchmark

    check_record_path(FLAGS.out)  # before the work, not after it

    try:
        sizes = [int(n) for n in FLAGS.num_samples]
    except ValueError:
        raise TfdfkdError(f"--num_samples={','.join(FLAGS.num_samples)} is not a list of sizes", "pass e.g. 10000,200000") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise TfdfkdError(f"--num_samples={','.join(FLAGS.num_samples)} needs at least two positive sizes", "pass e.g. 10000,200000")
    work_dir = FLAGS.work_dir or tempfile.mkdtemp(prefix="bench-memory-")
    commit = git_commit()
    peaks, seconds, commands = [], [], []
    try:
        for n in sizes:
            command = [sys.executable, os.path.join(ROOT, "tools", "distill.py"), f"--teacher={FLAGS.teacher}",
                       f"--method={FLAGS.method}", f"--num_samples={n}", f"--synth_iterations={FLAGS.synth_iterations}",
                       f"--synth_batch_size={FLAGS.synth_batch_size}", f"--distill_epochs={FLAGS.distill_epochs}",
                       f"--distill_batch_size={FLAGS.distill_batch_size}", f"--strategy={FLAGS.strategy}",
                       f"--out={os.path.join(work_dir, f'run_{n}')}"]
            peak, wall = peak_rss_mb(command, os.path.join(work_dir, f"run_{n}.log"))
            print(f"{n} images: peak RSS {peak:.0f} MB, {wall:.0f} s", flush=True)
            peaks.append(round(peak, 1))
            seconds.append(round(wall, 1))
            commands.append(" ".join(["python", "tools/distill.py"] + command[2:-1] + ["--out=..."]))
    finally:
        if not FLAGS.work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)
    ratio = peaks[sizes.index(max(sizes))] / peaks[sizes.index(min(sizes))]  # in whatever order they were given
    record = {
        "benchmark": "memory_streaming",
        "method": FLAGS.method,
        "teacher": FLAGS.teacher,
        "num_samples": sizes,
        "peak_rss_mb": peaks,
        "ratio": round(ratio, 3),
        "max_ratio": FLAGS.max_ratio,
        "flat": ratio < FLAGS.max_ratio,
        "seconds": seconds,
        "runs": commands,
        "load_average": os.getloadavg()[0],
    }
    write_benchmark(record, FLAGS.out, commit)
    if ratio >= FLAGS.max_ratio:
        raise TfdfkdError(f"peak memory grew {ratio:.2f}x from {sizes[0]} to {sizes[-1]} images (limit {FLAGS.max_ratio})",
                          "find what holds the transfer set in memory (the record is written)")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
