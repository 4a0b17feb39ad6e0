"""What every tool does around its work: quiet TensorFlow logs, one-line errors, exit codes."""

from __future__ import annotations

import os
import signal
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def run_cli(work, *args, resumable: bool = True, **kwargs) -> None:
    """Runs `work`; a `TfdfkdError` becomes one line on stderr and exit status 2. `resumable`:
    whether `work` keeps finished work for a rerun, which the message after Ctrl-C or a kill says."""
    from absl import logging

    from tfdfkd.errors import TfdfkdError

    logging.set_verbosity(logging.WARNING)  # SavedModel export logs every step at INFO
    signal.signal(signal.SIGTERM, _terminated)  # `kill`, a batch scheduler's time limit: stop as Ctrl-C does

    try:
        work(*args, **kwargs)
    except TfdfkdError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt as e:
        what = "terminated" if isinstance(e, _Terminated) else "interrupted"
        print(f"{what}: " + ("finished work is kept; run the same command again to resume" if resumable else
                             "nothing was written; run the same command again to start over"), file=sys.stderr)
        sys.exit(128 + signal.SIGTERM if isinstance(e, _Terminated) else 130)
    except OSError as e:  # a full disk, a lost mount, permissions changed under a run
        print(f"error: {type(e).__name__}: {e}. Fix: free or fix what it names, then run the same command again"
              + (": finished work is kept" if resumable else ""), file=sys.stderr)
        sys.exit(1)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so the same cleanup as for Ctrl-C runs."""


def _terminated(signum, frame):
    raise _Terminated()


def parse_flags(argv: list[str]) -> list[str]:
    """absl flag parsing for `app.run(..., flags_parser=parse_flags)` with one-line errors.

    An unknown flag, a bad value or a flagfile line that does not parse exits with status 2
    and names the fix. Non-flag words (such as a flagfile line without `--`) are refused too.
    """
    from absl import flags

    try:
        rest = flags.FLAGS(argv)
    except flags.Error as e:
        print(f"error: {str(e).splitlines()[0]}. Fix: correct the flag or flagfile line; see --helpfull for the flags", file=sys.stderr)
        sys.exit(2)
    if len(rest) > 1:
        print(f"error: unexpected arguments {rest[1:]} (a flagfile line must start with --). Fix: write every setting as --name=value",
              file=sys.stderr)
        sys.exit(2)
    return rest
