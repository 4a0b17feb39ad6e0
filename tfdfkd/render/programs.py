"""GLSL fragment programs: the shipped library, the shared prelude, and the uniform contract.

A program is a complete GLSL 330 fragment shader in the style of twigl's short shaders: it
declares the uniforms it reads (from `UNIFORMS`), colours a pixel from `gl_FragCoord`, and
writes `out vec4 fragColor`. Before compiling, `full_source` puts the helpers of
`shaders/blocks/common.glsl` (noise, hashes, palettes, ...) right after the `#version` line and
resets the line counter, so compiler errors point at the program's own lines.

Shipped programs live in `shaders/library/<family>/<name>.frag` and are named `<family>/<name>`;
generated ones (`tfdfkd.render.generator`) are named `gen/<seed>`.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import NamedTuple

from tfdfkd.errors import TfdfkdError
from tfdfkd.resources import shipped_dir

SHADER_ROOT = shipped_dir("shaders")
LIBRARY_DIR = os.path.join(SHADER_ROOT, "library")
BLOCKS_DIR = os.path.join(SHADER_ROOT, "blocks")

# Every uniform the renderer sets, with its GLSL type. `resolution` is (width, height) in
# pixels; `time` is drawn from TIME_RANGE and p0..p3 from [0, 1) for each frame.
UNIFORMS = {"resolution": "vec2", "time": "float", "p0": "float", "p1": "float", "p2": "float", "p3": "float"}
TIME_RANGE = (0.0, 64.0)
NUM_PARAMS = 4
DEFAULT_GENERATED = 256  # generated programs that join the shipped library by default


class Program(NamedTuple):
    name: str
    source: str


def prelude() -> str:
    with open(os.path.join(BLOCKS_DIR, "common.glsl")) as f:
        return f.read()


def full_source(source: str, prelude_text: str | None = None) -> str:
    """The program with the common helpers inserted after its `#version` line."""
    prelude_text = prelude() if prelude_text is None else prelude_text
    lines = source.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not lines[first].strip().startswith("#version"):
        return "#version 330 core\n" + prelude_text + "\n#line 1\n" + source
    # `#line N` numbers the line after it N, so the program keeps its own line numbers.
    return "\n".join(lines[: first + 1]) + "\n" + prelude_text + f"\n#line {first + 2}\n" + "\n".join(lines[first + 1:])


_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_UNIFORM = re.compile(r"\buniform\s+(?:(?:lowp|mediump|highp)\s+)?(\w+)\s+([^;]+);")


def declared_uniforms(source: str) -> dict[str, str]:
    """{name: GLSL type} of every uniform the program declares (comments ignored)."""
    found = {}
    for gl_type, names in _UNIFORM.findall(_COMMENTS.sub(" ", source)):
        for name in names.split(","):
            found[re.sub(r"\[.*", "", name).strip()] = gl_type
    return found


def uniform_problem(source: str) -> str | None:
    """Why the renderer cannot set every uniform of `source`, or None when it can.

    An unset uniform reads as zero (`time` frozen at 0, `resolution` dividing by zero), so a
    program that declares anything outside `UNIFORMS`, or one of them with another type, is refused.
    """
    for name, gl_type in declared_uniforms(source).items():
        if name not in UNIFORMS:
            return (f"declares uniform {gl_type} {name}, which the renderer does not set "
                    f"(it sets {', '.join(UNIFORMS)})")
        if UNIFORMS[name] != gl_type:
            return f"declares uniform {gl_type} {name}; the renderer sets {name} as {UNIFORMS[name]}"
    return None


def shipped_programs(library_dir: str = LIBRARY_DIR) -> list[Program]:
    """Every `*.frag` under `library_dir`, sorted by name (`<family>/<name>`)."""
    if not os.path.isdir(library_dir):
        raise TfdfkdError(f"shader library {library_dir} not found",
                          "run from a checkout of tfdfkd (the shaders/ folder is not part of a wheel)")
    programs = []
    for directory, _, files in os.walk(library_dir):
        for file in files:
            if file.endswith(".frag"):
                path = os.path.join(directory, file)
                name = os.path.relpath(path, library_dir)[: -len(".frag")].replace(os.sep, "/")
                programs.append(Program(name, _read_source(path)))
    return sorted(programs)


def load_program(path: str) -> Program:
    """A program from any `.frag` file, named after the file."""
    return Program(os.path.splitext(os.path.basename(path))[0], _read_source(path))


def _read_source(path: str) -> str:
    """A program's text; bytes that are not UTF-8 become U+FFFD, which the compiler then rejects,
    so such a file is reported and skipped like any program that does not compile."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def default_programs(generated: int = DEFAULT_GENERATED) -> list[Program]:
    """The shipped library followed by `generated` programs from the generator (seeds 0, 1, ...)."""
    from tfdfkd.render import generator

    return shipped_programs() + [Program(*generator.generate(seed)) for seed in range(generated)]


def as_programs(programs) -> list[Program]:
    """Normalises a list of `Program`, (name, source) pairs or `.frag` paths; names must be unique."""
    result = []
    for item in programs:
        if isinstance(item, str):
            if not os.path.isfile(item):
                raise TfdfkdError(f"shader program {item} not found", "pass (name, source) pairs or paths of .frag files")
            result.append(load_program(item))
        else:
            name, source = item
            result.append(Program(str(name), str(source)))
    names = [p.name for p in result]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise TfdfkdError(f"program names {duplicates[:5]} appear more than once", "give every program a unique name")
    if not result:
        raise TfdfkdError("no shader programs to render", "pass at least one program")
    return result


def programs_digest(programs: list[Program], prelude_text: str) -> str:
    """sha256 over names, sources and the prelude: a cache made from other programs is not resumed."""
    digest = hashlib.sha256(prelude_text.encode())
    for program in programs:
        digest.update(b"\0" + program.name.encode() + b"\0" + program.source.encode())
    return digest.hexdigest()
