"""tfdfkd.io_utils: claiming a work directory and publishing it as a finished result."""

import json
import os

import pytest

from tfdfkd import io_utils
from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import claim_staging, finish_staging, refuse_existing_record


def test_a_kill_during_the_claim_itself_does_not_lock_the_directory(tmp_path):
    staging = tmp_path / "out.partial"
    staging.mkdir()
    (staging / ".tmp-99999999-source.json").write_text("{")  # the marker's temporary; its process is gone
    claim_staging(str(staging), {"a": 1}, "another run")
    assert sorted(os.listdir(staging)) == ["source.json"]
    with pytest.raises(TfdfkdError, match="holds another run"):
        claim_staging(str(staging), {"a": 2}, "another run")


def test_publishing_drops_the_resume_state_before_the_rename_and_the_marker_after(tmp_path):
    staging, out = tmp_path / "out.partial", tmp_path / "out"
    claim_staging(str(staging), {"a": 1}, "another run")
    (staging / "backup").mkdir()
    (staging / "backup" / "w.h5").write_text("weights")
    (staging / "round_1.keras").write_text("model")
    (staging / "metrics.json").write_text(json.dumps({"student_accuracy": 0.5}))
    finish_staging(str(staging), str(out), lambda name: name == "backup" or name.startswith("round_"))
    assert sorted(os.listdir(out)) == ["metrics.json"] and not staging.exists()


def test_an_out_that_cannot_be_created_is_refused_before_any_work(tmp_path):
    (tmp_path / "a_file").write_text("not a directory")
    with pytest.raises(TfdfkdError, match="a_file is a file, not a directory"):
        refuse_existing_record(str(tmp_path / "a_file" / "record.json"))
    refuse_existing_record(str(tmp_path / "new" / "record.json"))  # a missing parent is fine: it will be created


def test_an_atomic_directory_replaces_one_a_killed_run_published(tmp_path):
    """prune's and adapt's exports (student/, adapted/) are directories: a run killed after one
    was renamed into place, before metrics.json, re-exports on resume (os.replace alone failed
    with 'Directory not empty' on every rerun)."""
    final = tmp_path / "student"
    final.mkdir()
    (final / "old.pb").write_text("from the killed run")
    with io_utils.atomic_path(str(final)) as tmp:
        os.makedirs(tmp)
        with open(os.path.join(tmp, "new.pb"), "w") as f:
            f.write("this run")
    assert os.listdir(final) == ["new.pb"]
    assert os.listdir(tmp_path) == ["student"]
