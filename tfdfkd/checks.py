"""Checks of the numbers a user passes, shared by every tool's configuration.

Free of TensorFlow, so that a tool refuses a bad flag in a fraction of a second, before
TensorFlow loads or anything is written.
"""

from __future__ import annotations

import math

from tfdfkd.errors import TfdfkdError


def positive_finite(value: float, flag: str, example: str) -> None:
    """Refuses a rate or temperature that is not a positive finite number (NaN included)."""
    if not 0.0 < value < math.inf:
        raise TfdfkdError(f"--{flag} is {value}, it must be a positive finite number", f"pass a positive --{flag}, e.g. {example}")


def at_least_one(value: int, flag: str) -> None:
    """Refuses a count (steps, epochs, a batch size) below 1."""
    if value < 1:
        raise TfdfkdError(f"--{flag} is {value}, it must be at least 1", f"pass a positive --{flag}")
