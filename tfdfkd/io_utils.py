"""Small file helpers shared by the zoo, transfer sets, the CLI and the benchmarks: atomic writes,
hashes and provenance (commit, command)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys

_REPO_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def atomic_path(final_path: str):
    """Yields a temporary path next to `final_path`; renames it into place only on success,
    replacing what is there (a directory too).

    The temporary name keeps the final suffix, since Keras and numpy pick the format from it.
    """
    directory, base = os.path.split(os.path.abspath(final_path))
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".tmp-{os.getpid()}-{base}")
    try:
        yield tmp
        if os.path.isdir(final_path) and not os.path.islink(final_path):
            # A directory (an export) that a killed run published before it finished: os.replace
            # cannot replace a non-empty directory, so the old one steps aside first.
            import shutil

            old = os.path.join(directory, f".tmp-{os.getpid()}-old-{base}")
            os.replace(final_path, old)
            os.replace(tmp, final_path)
            shutil.rmtree(old)
        else:
            os.replace(tmp, final_path)
    finally:
        if os.path.exists(tmp):
            if os.path.isdir(tmp):
                import shutil

                shutil.rmtree(tmp)
            else:
                os.remove(tmp)


def remove_stale_temporaries(directory: str) -> None:
    """Removes what `atomic_path` left in `directory` when its process was killed (temporaries
    whose process no longer runs), so a resumed run does not carry them into its output."""
    import shutil

    for name in os.listdir(directory) if os.path.isdir(directory) else []:
        pid = name.split("-")[1] if name.startswith(".tmp-") and name.count("-") >= 2 else ""
        if pid.isdigit() and not _process_exists(int(pid)):
            path = os.path.join(directory, name)
            shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) else os.remove(path)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_json(path: str, record: dict) -> None:
    """Writes `record` as indented JSON, atomically."""
    with atomic_path(path) as tmp, open(tmp, "w") as f:
        json.dump(record, f, indent=2, sort_keys=True)
        f.write("\n")


def write_benchmark(record: dict, out: str | None, commit: str | None = None) -> dict:
    """Completes a benchmark `record` with the machine, the command line and the commit (`commit`
    when the caller took it before the work began), prints it and, when `out` is given, writes it.
    Every benchmark in tools/ ends here, so their records carry the same provenance keys."""
    tool = os.path.relpath(os.path.abspath(sys.argv[0]), _REPO_DIR)  # e.g. tools/bench_render.py
    record = {**record, "cpu_count": os.cpu_count(), "command": " ".join(["python", tool, *sys.argv[1:]]),
              "commit": commit or git_commit()}
    print(json.dumps(record, indent=2))
    if out:
        write_json(out, record)
    return record


def check_record_path(out: str | None, flag: str = "--out") -> None:
    """Refuses, before a benchmark runs, a record path it could not write at the end (a directory,
    or under a file or a read-only directory); None (print only) passes."""
    from tfdfkd.errors import TfdfkdError

    if not out:
        return
    if os.path.isdir(out):
        raise TfdfkdError(f"{flag} {out} is a directory", f"give {flag} a JSON file name, such as {os.path.join(out, 'record.json')}")
    check_writable(out, flag)


def refuse_existing_record(path: str, flag: str = "--out") -> None:
    """The tools that write one result (a JSON record, or a finished output directory) never
    overwrite one: a rerun must not erase a result. Nor do they work for nothing: an `--out` that
    cannot be created is refused before any work."""
    if os.path.exists(path):
        from tfdfkd.errors import TfdfkdError

        raise TfdfkdError(f"{flag} {path} exists", f"choose a new {flag}, or delete it")
    check_writable(path, flag)


def check_new_keras_file(path: str | None, flag: str = "--save_student") -> None:
    """Refuses, before any work, a model file to be written that is not a new, writable .keras
    file (Keras picks the format from the suffix); None (not asked for) passes."""
    if path is None:
        return
    if not path.endswith(".keras"):
        from tfdfkd.errors import TfdfkdError

        raise TfdfkdError(f"{flag}={path} does not end in .keras", f"give {flag} a .keras file name")
    refuse_existing_record(path, flag)


def check_writable(out: str, flag: str = "--out") -> None:
    """Refuses an `out` (given as `flag`) that cannot be created (its nearest existing ancestor is
    a file or read-only), before any work is done."""
    from tfdfkd.errors import TfdfkdError

    parent = os.path.dirname(os.path.abspath(out))
    while not os.path.exists(parent):
        parent = os.path.dirname(parent)
    if not os.path.isdir(parent):
        raise TfdfkdError(f"cannot create {flag} {out}: {parent} is a file, not a directory", f"choose a {flag} in a writable directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise TfdfkdError(f"cannot create {flag} {out}: {parent} is not writable", f"choose a {flag} in a writable directory")


def claim_staging(staging: str, source: dict, refusal: str) -> str:
    """Marks the work directory `staging` as the run of `source` (what a tool was asked to do) in
    `staging/source.json`; resuming it with another `source` is refused with `refusal`, so two
    runs never mix, and a non-empty directory without the marker (not a run of a tool) is refused
    rather than taken over. Returns the marker's path (remove it once the run is finished)."""
    from tfdfkd.errors import TfdfkdError

    path = os.path.join(staging, "source.json")
    remove_stale_temporaries(staging)  # a kill during the marker's own first write leaves only its temporary
    if os.path.exists(path) and read_json(path) != source:
        raise TfdfkdError(f"{staging} holds {refusal}", "rerun that command to finish it, or delete the directory")
    if not os.path.exists(path) and os.path.isdir(staging) and os.listdir(staging):
        raise TfdfkdError(f"{staging} exists and holds files of no unfinished run", "delete or move it, or choose another --out")
    os.makedirs(staging, exist_ok=True)
    write_json(path, source)
    return path


def finish_staging(staging: str, out: str, resume_state) -> None:
    """Publishes the finished run in `staging` (claimed by `claim_staging`; its metrics.json,
    written last, marks it finished) as `out`. The entries `resume_state(name)` selects served
    only to resume, so they go first, while a rerun can still finish from `staging`; then the
    rename; the claim marker goes last, so a kill after the rename leaves only that small record
    of the settings in `out`. A rerun that finds metrics.json in `staging` calls only this."""
    import shutil

    for name in os.listdir(staging):
        if name != "source.json" and resume_state(name):
            path = os.path.join(staging, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    os.replace(staging, out)
    marker = os.path.join(out, "source.json")
    if os.path.exists(marker):
        os.remove(marker)


class StageLog:
    """The finished stages of a resumable run kept in `directory` (incremental steps, pruning
    rounds): after each stage its Keras model, `<prefix>_<n>.keras` with n counting from `first`,
    then `progress.json` ({"config": settings, key: one entry per stage}), both written
    atomically, so a stage counts once both exist. Reopened with other settings it refuses
    (`what` names the run, `fix` the way out) rather than mixing two runs."""

    def __init__(self, directory: str, settings: dict, key: str, prefix: str, first: int, what: str, fix: str):
        os.makedirs(directory, exist_ok=True)
        remove_stale_temporaries(directory)
        self.directory, self.key, self.prefix, self.first = directory, key, prefix, first
        self.settings = json.loads(json.dumps(settings))  # tuples as lists, as they read back
        self.path = os.path.join(directory, "progress.json")
        self.entries: list[dict] = []
        if os.path.exists(self.path):
            saved = read_json(self.path)
            if saved["config"] != self.settings:
                from tfdfkd.errors import TfdfkdError

                raise TfdfkdError(f"{directory} holds {what} with other settings", fix)
            self.entries = saved[key]

    def last_model_path(self) -> str | None:
        """The model of the last finished stage, None before the first."""
        if not self.entries:
            return None
        return os.path.join(self.directory, f"{self.prefix}_{self.first + len(self.entries) - 1}.keras")

    def add(self, entry: dict, model) -> None:
        """Records a finished stage: its model first, then its entry."""
        with atomic_path(os.path.join(self.directory, f"{self.prefix}_{self.first + len(self.entries)}.keras")) as tmp:
            model.save(tmp)
        self.entries.append(entry)
        write_json(self.path, {"config": self.settings, self.key: self.entries})


def read_json(path: str) -> dict:
    with open(path) as f:
        return json.load(f)


def git_commit(repo_dir: str | None = None) -> str:
    """The commit of the checkout that runs this code, with '+dirty' when it has changes.

    An installed copy (no checkout around the package) reports its version instead: asking git
    there could name the commit of whatever repository holds the environment.
    """
    repo_dir = repo_dir or _REPO_DIR
    if not os.path.exists(os.path.join(repo_dir, ".git")):
        from tfdfkd import __version__
        return f"tfdfkd-{__version__} (installed, no checkout)"
    try:
        run = lambda *a: subprocess.run(["git", *a], cwd=repo_dir, capture_output=True, text=True, timeout=10, check=False)
        head = run("rev-parse", "HEAD").stdout.strip()
        dirty = run("status", "--porcelain", "--untracked-files=no").stdout.strip()
        return (head or "unknown") + ("+dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"

