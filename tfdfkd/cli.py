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


DISTILL_FLAGS = ("distill_epochs", "distill_batch_size", "distill_learning_rate", "distill_tau", "distill_augment",
                 "distill_augment_fraction", "distill_mixup", "distill_disagreement_eps", "distill_disagreement_steps", "distill_ema",
                 "distill_average_epochs")


def define_distill_flags(*, batch_size: int, learning_rate: float, tau: float, augment_fraction: float,
                         stored_images_only: str = "", epochs_note: str = "") -> None:
    """Defines the --distill_* flags that every tool which distills a student on a transfer set
    takes, with that tool's defaults. `stored_images_only` is added to the help of the flags that
    work only on stored images (tools/distill.py: which methods they are not for), `epochs_note` to
    that of --distill_epochs."""
    from absl import flags

    flags.DEFINE_integer("distill_epochs", 100, "Distillation epochs over the transfer set." + epochs_note)
    flags.DEFINE_integer("distill_batch_size", batch_size, "Distillation batch size.")
    flags.DEFINE_float("distill_learning_rate", learning_rate, "Learning rate of the student.")
    flags.DEFINE_float("distill_tau", tau, "Distillation temperature.")
    flags.DEFINE_bool("distill_augment", True, "Augment during distillation: ZSKD's (scale, translate, rotate, flip) on a "
                      "share of each batch, or the method's own (shaders: its augment= setting).")
    flags.DEFINE_float("distill_augment_fraction", augment_fraction, "Share of each batch that is augmented.")
    flags.DEFINE_float("distill_mixup", 0.0, "Mix pairs of transfer images during distillation, lambda ~ Beta(a, a), each "
                       "labelled by the teacher (function matching); 0 = off." + stored_images_only)
    flags.DEFINE_float("distill_disagreement_eps", 0.0, "Join each batch with copies of its images moved within this L-inf "
                       "radius (pixel units) to where student and teacher disagree most (tfdfkd.disagreement); 0 = off."
                       + stored_images_only)
    flags.DEFINE_integer("distill_disagreement_steps", 1, "Signed-gradient steps of those copies (each eps / steps).")
    flags.DEFINE_float("distill_ema", 0.0, "Momentum of a moving average of the student's weights over the distillation "
                       "steps, which becomes the result (Polyak averaging); 0 = off, the last step's weights.")
    flags.DEFINE_integer("distill_average_epochs", 0, "The result is the average of the student's weights at the end of each "
                         "of the last this-many epochs (stochastic weight averaging); 0 = off.")


def distill_flag_values() -> dict:
    """The parsed values of the flags `define_distill_flags` defined, by name: `RunConfig(**...)`."""
    from absl import flags

    return {name: flags.FLAGS[name].value for name in DISTILL_FLAGS}
