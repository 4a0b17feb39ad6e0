"""What every tool does around its work: quiet TensorFlow logs, one-line errors, exit codes."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def run_cli(work, *args, **kwargs) -> None:
    """Runs `work`; a `TfdfkdError` becomes one line on stderr and exit status 2."""
    from tfdfkd.errors import TfdfkdError

    try:
        work(*args, **kwargs)
    except TfdfkdError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted: finished work is kept; run the same command again to resume", file=sys.stderr)
        sys.exit(130)
