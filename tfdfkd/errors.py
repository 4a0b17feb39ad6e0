"""One error type for every problem a user can fix.

Each message names the problem and the fix, on one line, so the CLI can print it as is
and exit non-zero without a traceback.
"""


class TfdfkdError(Exception):
    """A problem with the user's input or environment that they can fix."""

    def __init__(self, problem: str, fix: str):
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem}. Fix: {fix}")
