"""Every shipped flagfile parses against the tool its first line names, and every committed
results file is the record of that flagfile's command.

The flagfiles in tools/flags are the project's documented commands (README, results, zoo cards);
a flag renamed in a tool or a setting dropped from a method would otherwise break them silently.
"""

import glob
import json
import os
import re
import subprocess
import sys

import pytest

from tfdfkd import zoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLAGS_DIR = os.path.join(ROOT, "tools", "flags")
COMMAND = re.compile(r"^# python (tools/\w+\.py) --flagfile=(tools/flags/[\w.-]+\.flags)\s*$")

# Run in one fresh interpreter for all tools (importing TensorFlow once, not once per tool). Each
# tool defines its flags on absl's global FLAGS, so a tool's own flags are removed before the next
# tool is loaded. Reads {tool: [flagfile, ...]} as JSON on stdin and prints one JSON object:
# flagfile -> [tool, {"error": ...} or the parsed values the test checks].
_PARSER = r"""
import importlib.util, json, sys
from absl import flags
from tfdfkd import synthesis, zoo
FLAGS, known, report = flags.FLAGS, zoo.list(), {}
for number, (tool, paths) in enumerate(json.load(sys.stdin).items()):
    defined_before = set(FLAGS)
    spec = importlib.util.spec_from_file_location(f"tool_under_test_{number}", tool)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    for path in paths:
        FLAGS.unparse_flags()
        try:
            FLAGS([tool, "--flagfile=" + path])
            values = {name: FLAGS[name].value for name in ("teacher", "method", "num_samples", "name") if name in FLAGS}
            if "method" in values:
                synthesis.parse_settings(values["method"], FLAGS.synth_settings)
            if "replay" in FLAGS and FLAGS.replay in synthesis.REGISTRY:  # tools/incremental.py
                synthesis.parse_settings(FLAGS.replay, FLAGS.synth_settings)
            if "teacher" in values and values["teacher"] not in known:
                raise ValueError(f"teacher {values['teacher']!r} is not a zoo entry")
            report[path] = [tool, values]
        except Exception as error:
            report[path] = [tool, {"error": f"{type(error).__name__}: {error}"}]
    FLAGS.unparse_flags()
    for name in set(FLAGS) - defined_before:  # the tools define their flags only at their top level
        delattr(FLAGS, name)
print(json.dumps(report))
"""


def _shipped() -> dict[str, list[str]]:
    """tool -> the flagfiles (repository-relative) whose first line runs that tool."""
    by_tool = {}
    for path in sorted(glob.glob(os.path.join(FLAGS_DIR, "*.flags"))):
        with open(path) as f:
            match = COMMAND.match(f.readline())
        relative = os.path.relpath(path, ROOT)
        if match:  # the *_common.flags files are only included by others
            assert match.group(2) == relative, f"{relative}'s first line runs another flagfile: {match.group(2)}"
            by_tool.setdefault(match.group(1), []).append(relative)
    return by_tool


@pytest.fixture(scope="module")
def parsed():
    result = subprocess.run([sys.executable, "-c", _PARSER], input=json.dumps(_shipped()), check=False, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return {path: tuple(entry) for path, entry in json.loads(result.stdout.strip().splitlines()[-1]).items()}


def test_every_flagfile_parses_for_its_tool(parsed):
    assert len(parsed) > 50
    broken = {path: values["error"] for path, (_, values) in parsed.items() if "error" in values}
    assert not broken, broken


def test_teacher_flagfiles_match_their_zoo_cards(parsed):
    cards = zoo.list()
    for path, (tool, values) in parsed.items():
        if tool == "tools/train_teacher.py" and values["name"] in cards:
            assert cards[values["name"]]["recipe"]["flagfile"] == path


def test_results_files_record_their_flagfiles_command(parsed):
    results = sorted(glob.glob(os.path.join(FLAGS_DIR, "*.results.json")))
    assert results
    for path in results:
        flagfile = os.path.relpath(path, ROOT).replace(".results.json", ".flags")
        assert flagfile in parsed, f"{path} has no flagfile beside it"
        tool, values = parsed[flagfile]
        with open(path) as f:
            record = json.load(f)
        assert record["command"] == f"python {tool} --flagfile={flagfile}", path
        for key in ("method", "num_samples", "teacher_accuracy", "student_accuracy"):
            assert key in record, (path, key)
        config = record.get("config", {})
        for key in ("teacher", "method", "num_samples"):
            if key in config and key in values:
                assert config[key] == values[key], (path, key, config[key], values[key])
