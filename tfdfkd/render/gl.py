"""The OpenGL side: one headless moderngl context that compiles programs and renders frames.

Only the render worker (`tfdfkd.render.worker`) imports this module. A process that holds a
Mesa EGL context must never load TensorFlow (it segfaults), so nothing here or in what it
imports touches TensorFlow, and the parent process never creates a context itself.
"""

from __future__ import annotations

import collections

import numpy as np

from tfdfkd.render import programs as shader_programs

_VERTEX_SHADER = """#version 330 core
in vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); }
"""
# One triangle that covers the whole viewport (cheaper than a two-triangle quad).
_TRIANGLE = np.array([-1.0, -1.0, 3.0, -1.0, -1.0, 3.0], np.float32)
# ITU-R BT.601 luma weights in 1/256ths, for grey images.
_LUMA = np.array([77, 150, 29], np.uint32)
# Compiled programs one context keeps. Each holds about 1 MB of llvmpipe machine code: keeping all
# of 6,328 programs took 5.8 GB per worker (two workers, 12 GB) and rendering slowed to 44 images/s.
# Past the limit the least recently used program is released and compiled again when next drawn
# (about 10 ms with GALLIVM_PERF=nopt); the frames do not change.
MAX_COMPILED_PROGRAMS = 512


def first_error_line(message: str) -> str:
    """The first line of a GL compiler/linker message that names an error."""
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    for line in lines:
        if "error" in line.lower() and not line.lower().startswith("glsl compiler failed"):
            return line
    return lines[0] if lines else "unknown error"


class Renderer:
    """A standalone moderngl context rendering `resolution` = (H, W) frames.

    `backend='egl'` needs no display (Mesa llvmpipe on CPU, the GPU's EGL driver where present).
    """

    def __init__(self, resolution: tuple[int, int] = (32, 32), backend: str = "egl",
                 max_programs: int = MAX_COMPILED_PROGRAMS):
        import moderngl

        self._moderngl = moderngl
        self.ctx = moderngl.create_standalone_context(backend=backend)
        self.info = {k: self.ctx.info.get(k) for k in ("GL_RENDERER", "GL_VERSION", "GL_VENDOR")}
        self._vbo = self.ctx.buffer(_TRIANGLE.tobytes())
        self._prelude = shader_programs.prelude()
        self.max_programs = max(1, int(max_programs))
        self._compiled: collections.OrderedDict[str, tuple] = collections.OrderedDict()  # least recently used first
        self._errors: dict[str, str] = {}
        self.fbo = None
        self.set_resolution(resolution)

    def set_resolution(self, resolution: tuple[int, int]) -> None:
        height, width = (int(v) for v in resolution)
        if self.fbo is not None and self.resolution == (height, width):
            return
        old, self.resolution = self.fbo, (height, width)
        self.fbo = self.ctx.simple_framebuffer((width, height), components=4)
        self.fbo.use()
        if old is not None:  # only once unbound: releasing the bound framebuffer raises a GL error
            old.release()
        for _, uniforms, _ in self._compiled.values():
            if "resolution" in uniforms:
                uniforms["resolution"].value = (float(width), float(height))

    @property
    def compiled_count(self) -> int:
        """Programs kept compiled (at most `max_programs`)."""
        return len(self._compiled)

    def forget(self, name: str) -> None:
        """Drops what `compile` kept for `name` (its source changed)."""
        self._errors.pop(name, None)
        compiled = self._compiled.pop(name, None)
        if compiled is not None:
            compiled[2].release()
            compiled[0].release()

    def compile(self, name: str, source: str) -> str | None:
        """Compiles `name` (unless it is among the `max_programs` kept) and draws one frame to finish
        the JIT; returns an error line or None."""
        if name in self._compiled:
            self._compiled.move_to_end(name)
            return None
        if name in self._errors:
            return self._errors[name]
        error = shader_programs.uniform_problem(source)
        if error is None:
            try:
                program = self.ctx.program(vertex_shader=_VERTEX_SHADER,
                                           fragment_shader=shader_programs.full_source(source, self._prelude))
            except self._moderngl.Error as e:
                error = first_error_line(e)
        if error is None:
            uniforms = {}
            for member in program:
                value = program[member]
                if isinstance(value, self._moderngl.Uniform):
                    uniforms[member] = value
            # The source check above saw every declaration; this catches what a macro might hide.
            unknown = sorted(set(uniforms) - set(shader_programs.UNIFORMS))
            if unknown:
                error = f"uses uniform {unknown[0]}, which the renderer does not set"
        if error is not None:
            self._errors[name] = error
            return error
        while len(self._compiled) >= self.max_programs:
            self.forget(next(iter(self._compiled)))  # the least recently used
        vao = self.ctx.vertex_array(program, [(self._vbo, "2f", "position")])
        self._compiled[name] = (program, uniforms, vao)
        height, width = self.resolution
        if "resolution" in uniforms:
            uniforms["resolution"].value = (float(width), float(height))
        _ = self.ctx.error  # reading the error flag clears it, so what follows is this program's
        vao.render(vertices=3)  # llvmpipe compiles the shader's machine code at the first draw
        self.ctx.finish()
        gl_error = self.ctx.error
        if gl_error != "GL_NO_ERROR":
            self._errors[name] = error = f"first draw failed: {gl_error}"
            del self._compiled[name]
        return error

    def render(self, name: str, times: np.ndarray, params: np.ndarray, channels: int) -> np.ndarray:
        """Frames of a program `compile` accepted: uint8 (N, H, W, channels), row 0 at the top.

        times: (N,) values of `time`; params: (N, 4) values of p0..p3. Call `compile` first (it
        returns at once for a program still kept).
        """
        _, uniforms, vao = self._compiled[name]
        height, width = self.resolution
        count = len(times)
        frame_bytes = height * width * 3
        rgb = np.empty((count, height, width, 3), np.uint8)
        time_uniform = uniforms.get("time")
        param_uniforms = [(i, uniforms[f"p{i}"]) for i in range(shader_programs.NUM_PARAMS) if f"p{i}" in uniforms]
        for k in range(count):
            if time_uniform is not None:
                time_uniform.value = float(times[k])
            for i, uniform in param_uniforms:
                uniform.value = float(params[k, i])
            vao.render(vertices=3)
            self.fbo.read_into(rgb, components=3, write_offset=k * frame_bytes)
        rgb = rgb[:, ::-1]  # GL rows start at the bottom
        if channels == 3:
            return np.ascontiguousarray(rgb)
        grey = (rgb.astype(np.uint32) @ _LUMA + 128) >> 8
        return grey.astype(np.uint8)[..., None]
