"""The names of the built-in synthesis methods, without TensorFlow.

tools/distill.py checks --method against them before TensorFlow loads (a second, not seven).
`tfdfkd.synthesis.REGISTRY` holds the methods themselves; a test keeps the two lists equal.
"""

from __future__ import annotations

from tfdfkd.errors import TfdfkdError

METHODS = ("zskd", "class_impressions", "noise", "deepdream", "deepinversion", "adaptive_deepinversion",
           "shaders", "proxy", "dcgan", "degan")


def check_method(name: str) -> None:
    """Refuses a name that is not a built-in method."""
    if name not in METHODS:
        raise TfdfkdError(f"unknown synthesis method {name!r}", f"use one of {', '.join(sorted(METHODS))}")
