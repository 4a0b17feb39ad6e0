"""The benchmark tools write records with the provenance every committed result needs."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_benchmark_record_names_its_command_commit_and_machine(tmp_path):
    out = tmp_path / "record.json"
    args = ["--teacher=lenet5_digits", "--method=zskd", "--batch_size=8", "--iterations=2", "--repeats=1", f"--out={out}"]
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "bench_synthesis.py"), *args], cwd=str(tmp_path), check=True,
                   capture_output=True, timeout=300)
    record = json.loads(out.read_text())
    assert record["command"] == " ".join(["python", "tools/bench_synthesis.py", *args])  # rerunnable from the repository root
    assert len(record["commit"].split("+")[0]) == 40 or record["commit"] == "unknown"
    assert record["cpu_count"] >= 1 and record["image_iterations_per_second"] > 0
