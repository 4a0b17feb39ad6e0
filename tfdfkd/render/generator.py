"""New shader programs composed from building blocks, so the set of programs has no end.

    name, source = generate(17)   # ("gen/000017", "#version 330 core ...")

A generated program chains, in `main`:

    p = screen coordinates, zoomed and shifted
    p = transform(p) 1 to 3 times          shaders/blocks/transforms.glsl (warps, polar, kaleidoscope, tiling, ...)
    v = field(p), or combine(field(p), field(q)) with a second field on a shifted, turned copy q
                                           shaders/blocks/fields.glsl, combine.glsl
    v = shaping(v), sometimes              shaders/blocks/shaping.glsl (bands, thresholds, posterize, ...)
    fragColor = palette(v)                 shaders/blocks/palettes.glsl (cosine palettes, grey ramps, ...)

Each chosen block is copied into the program under its own name with its `$` placeholders
replaced by numbers drawn for this program (see the format note at the top of
transforms.glsl). All choices come from `random.Random(seed)` through `random()` alone, whose
sequence Python keeps fixed across versions, so a seed gives byte-identical source everywhere;
different seeds draw different blocks and constants.
"""

from __future__ import annotations

import functools
import os
import random
import re
from typing import NamedTuple

from tfdfkd.render.programs import BLOCKS_DIR, NUM_PARAMS

KINDS = ("transforms", "fields", "combine", "shaping", "palettes")
_PLACEHOLDER = re.compile(r"\$([A-Z][A-Z0-9]*)")


class Block(NamedTuple):
    kind: str
    name: str
    floats: dict  # NAME -> (lo, hi)
    ints: dict  # NAME -> (lo, hi), inclusive
    code: str


def parse_blocks(text: str, kind: str) -> list[Block]:
    """The blocks of one block file (format: the comment at the top of transforms.glsl)."""
    blocks = []
    for part in re.split(r"^// block: ", text, flags=re.MULTILINE)[1:]:
        header, _, rest = part.partition("\n")
        floats, ints, code = {}, {}, []
        for line in rest.split("\n"):
            words = line.split()
            if line.startswith("// param ") and len(words) == 5:
                floats[words[2]] = (float(words[3]), float(words[4]))
            elif line.startswith("// int ") and len(words) == 5:
                ints[words[2]] = (int(words[3]), int(words[4]))
            elif not line.startswith("//"):
                code.append(line)
        blocks.append(Block(kind, header.strip(), floats, ints, "\n".join(code).strip()))
    return blocks


@functools.lru_cache(maxsize=4)
def load_blocks(blocks_dir: str = BLOCKS_DIR) -> dict[str, list[Block]]:
    """{kind: blocks}, read once from `blocks_dir`."""
    result = {}
    for kind in KINDS:
        with open(os.path.join(blocks_dir, f"{kind}.glsl")) as f:
            result[kind] = parse_blocks(f.read(), kind)
        if not result[kind]:
            raise ValueError(f"no blocks in {kind}.glsl")
    return result


def _number(value: float) -> str:
    text = f"{value:.4f}"
    return f"({text})" if value < 0 else text


class _Draw:
    """Every random choice of one program; `random()` only, so the stream is stable across Pythons."""

    def __init__(self, seed: int):
        self._rng = random.Random(seed)

    def uniform(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * self._rng.random()

    def integer(self, lo: int, hi: int) -> int:
        return min(hi, lo + int(self._rng.random() * (hi - lo + 1)))

    def pick(self, items):
        return items[self.integer(0, len(items) - 1)]

    def chance(self, p: float) -> bool:
        return self._rng.random() < p


def _instantiate(block: Block, name: str, draw: _Draw) -> str:
    values = {k: _number(draw.uniform(lo, hi)) for k, (lo, hi) in sorted(block.floats.items())}
    values.update({k: str(draw.integer(lo, hi)) for k, (lo, hi) in sorted(block.ints.items())})

    def fill(match: re.Match) -> str:
        key = match.group(1)
        if key == "U":
            return _number(draw.uniform(0.0, 1.0))
        if key == "P":
            return f"p{draw.integer(0, NUM_PARAMS - 1)}"
        if key not in values:
            raise ValueError(f"block {block.kind}/{block.name} uses ${key} without declaring it")
        return values[key]

    code = re.sub(r"\bFN\b", name, block.code)
    return f"// {block.kind}/{block.name}\n" + _PLACEHOLDER.sub(fill, code)


def generate(seed: int) -> tuple[str, str]:
    """(name, GLSL source) of the program for `seed` (an int >= 0): same seed, same bytes."""
    if int(seed) != seed or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    seed = int(seed)
    blocks = load_blocks()
    draw = _Draw(seed)
    functions, steps, chosen = [], [], []

    def use(kind: str, name: str) -> str:
        block = draw.pick(blocks[kind])
        chosen.append(block.name)
        functions.append(_instantiate(block, name, draw))
        return name

    zoom, shift_x, shift_y = draw.uniform(0.5, 1.6), draw.uniform(-1.0, 1.0), draw.uniform(-1.0, 1.0)
    steps.append(f"p = p * {_number(zoom)} + vec2({_number(shift_x)}, {_number(shift_y)});")
    for i in range(draw.pick([1, 1, 2, 2, 2, 3])):
        steps.append(f"p = {use('transforms', f't{i}')}(p);")
    first = use("fields", "f0")
    if draw.chance(0.6):
        second = use("fields", "f1")
        turn, scale = draw.uniform(0.0, 6.2832), draw.uniform(0.5, 1.5)
        steps.append(f"vec2 q = rot({_number(turn)}) * p * {_number(scale)} + {_number(draw.uniform(-2.0, 2.0))};")
        steps.append(f"float v = {use('combine', 'c0')}({first}(p), {second}(q));")
    else:
        steps.append(f"float v = {first}(p);")
    if draw.chance(0.6):
        steps.append(f"v = {use('shaping', 's0')}(v);")
    steps.append(f"fragColor = vec4(clamp({use('palettes', 'colour')}(v), 0.0, 1.0), 1.0);")

    name = f"gen/{seed:06d}"
    body = "\n    ".join(steps)
    source = (
        "#version 330 core\n"
        f"// {name}: generated by tfdfkd.render.generator from {' -> '.join(chosen)}\n"
        "uniform vec2 resolution;\n"
        "uniform float time;\n"
        "uniform float p0, p1, p2, p3;\n"
        "out vec4 fragColor;\n\n"
        + "\n\n".join(functions)
        + "\n\nvoid main() {\n"
        "    vec2 p = (2.0 * gl_FragCoord.xy - resolution) / min(resolution.x, resolution.y);\n"
        f"    {body}\n"
        "}\n"
    )
    return name, source
