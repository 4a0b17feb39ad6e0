"""Where the files that ship beside the code live: the zoo's cards and weights, the GLSL programs.

In a source checkout (and an editable install) they are the repository's top-level `zoo/` and
`shaders/`. A wheel or a plain `pip install .` carries the same files inside the package, as
`tfdfkd/zoo_files/` and `tfdfkd/shader_files/` (setup.cfg maps the two directories there), so
`import tfdfkd` finds its teachers and shaders without a clone.
"""

from __future__ import annotations

import os

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_INSIDE_PACKAGE = {"zoo": "zoo_files", "shaders": "shader_files"}


def shipped_dir(name: str) -> str:
    """The directory of the shipped `name` ("zoo" or "shaders"): the installed copy, else the checkout's."""
    installed = os.path.join(_PACKAGE_DIR, _INSIDE_PACKAGE[name])
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(_PACKAGE_DIR), name)
