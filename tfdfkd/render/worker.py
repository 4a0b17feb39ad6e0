"""The render worker process: `python -m tfdfkd.render.worker`, driven by `tfdfkd.render.pool`.

It holds one EGL context, so it must never import TensorFlow; it imports numpy, moderngl and
the TensorFlow-free parts of tfdfkd only, and reports `tensorflow_loaded` in every reply so the
parent can check. Requests and replies are pickled tuples, each preceded by its length
(8 bytes, little-endian), on stdin and on a copy of the original stdout; anything a library
prints goes to stderr instead, so it cannot corrupt the stream.

Requests (kind, payload):
  ("programs", {name: source})            remember sources; nothing is compiled yet
  ("compile", {"names", "resolution"})    -> {name: error line} for the programs that fail
  ("render", {"resolution", "channels", "filter", "tasks": [(name, times, params), ...]})
                                          -> [(error or None, kept images, keep mask), ...]
  ("status", None)                        -> {"compiled": programs kept compiled, "max_programs"}
  ("exit", None)

The environment variable TFDFKD_MAX_COMPILED_PROGRAMS bounds the compiled programs the worker
keeps (default `tfdfkd.render.gl.MAX_COMPILED_PROGRAMS`); others are compiled again when drawn.

TFDFKD_PROGRAM_SECONDS limits the time one program may take (its compile and first draw, or
one visit's frames): past it the kernel ends the worker with SIGALRM, since a draw cannot be
interrupted from Python. (llvmpipe stops a pixel's loops after about 65,535 steps, so there a
program is slow only on large frames; a driver without that cap could loop for hours.) Before
each program the worker then writes its name, in PROGRAM_NAME_BYTES bytes, at the start of the
file descriptor TFDFKD_CURRENT_PROGRAM_FD, so the parent can say which program it was.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import sys
import traceback

_HEADER = struct.Struct("<Q")
PROGRAM_NAME_BYTES = 256


def read_message(stream):
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def write_message(stream, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


class _ProgramClock:
    """Arms the per-program time limit and records which program is running (see the module doc)."""

    def __init__(self):
        self.seconds = float(os.environ.get("TFDFKD_PROGRAM_SECONDS") or 0)
        marker = os.environ.get("TFDFKD_CURRENT_PROGRAM_FD")
        self.marker = int(marker) if marker else None
        if self.seconds > 0:
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the default action ends the process

    @contextlib.contextmanager
    def timing(self, name: str):
        if self.marker is not None:
            os.pwrite(self.marker, name.encode()[:PROGRAM_NAME_BYTES].ljust(PROGRAM_NAME_BYTES), 0)
        if self.seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            if self.seconds > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)


def _serve(requests, replies) -> None:
    from tfdfkd.render.filters import FilterConfig, keep_mask
    from tfdfkd.render.gl import MAX_COMPILED_PROGRAMS, Renderer

    try:
        renderer = Renderer(max_programs=int(os.environ.get("TFDFKD_MAX_COMPILED_PROGRAMS", MAX_COMPILED_PROGRAMS)))
    except Exception as e:  # noqa: BLE001 (no EGL, no moderngl: tell the parent in words, then stop)
        write_message(replies, ("fatal", f"{type(e).__name__}: {e}"))
        return
    write_message(replies, ("hello", {"pid": os.getpid(), "gl": renderer.info,
                                      "lp_num_threads": os.environ.get("LP_NUM_THREADS"),
                                      "tensorflow_loaded": "tensorflow" in sys.modules}))
    sources: dict[str, str] = {}
    clock = _ProgramClock()
    while True:
        message = read_message(requests)
        if message is None or message[0] == "exit":
            return
        kind, payload = message
        try:
            if kind == "programs":
                for name, source in payload.items():
                    if sources.get(name, source) != source:
                        renderer.forget(name)
                sources.update(payload)
                reply = len(sources)
            elif kind == "compile":
                renderer.set_resolution(payload["resolution"])
                reply = {}
                for name in payload["names"]:
                    with clock.timing(name):
                        error = renderer.compile(name, sources[name])
                    if error is not None:
                        reply[name] = error
            elif kind == "render":
                renderer.set_resolution(payload["resolution"])
                config = FilterConfig(**payload["filter"])
                reply = []
                for name, times, params in payload["tasks"]:
                    with clock.timing(name):
                        error = renderer.compile(name, sources[name])
                        images = None if error else renderer.render(name, times, params, payload["channels"])
                    if error is not None:
                        reply.append((error, None, None))
                        continue
                    keep = keep_mask(images, config)
                    reply.append((None, images[keep], keep))
            elif kind == "status":
                reply = {"compiled": renderer.compiled_count, "max_programs": renderer.max_programs}
            else:
                raise ValueError(f"unknown request {kind!r}")
            write_message(replies, ("ok", reply, "tensorflow" in sys.modules))
        except Exception:  # noqa: BLE001 (the parent raises it with this traceback)
            write_message(replies, ("error", traceback.format_exc(), "tensorflow" in sys.modules))


def main() -> None:
    # The protocol owns the original stdout; fd 1 now points at stderr for stray prints.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    main()
