"""Render worker processes, started and fed from the parent (which never touches OpenGL).

Each worker is `python -m tfdfkd.render.worker`, a fresh interpreter: unlike a forked or
spawned multiprocessing child it never re-imports the parent's main module, so a parent that
has TensorFlow loaded (a training script) still gets TensorFlow-free renderers. One thread per
worker feeds it requests from a shared queue; `imap` returns replies in request order, so what
is rendered does not depend on the number of workers.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator

from tfdfkd.errors import TfdfkdError
from tfdfkd.render.worker import PROGRAM_NAME_BYTES, read_message, write_message

_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_SETUP_FIX = ("install the headless OpenGL libraries and moderngl: bash tools/setup.sh "
              "(Debian: libegl1 libgl1-mesa-dri libegl-mesa0; pip install -e '.[render]')")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


class _Failure:
    def __init__(self, error: BaseException):
        self.error = error


class Worker:
    """One render process. `lp_num_threads` sets llvmpipe's rasteriser threads (None: Mesa's default).

    `program_seconds`: the most one program may take (its compile, or one visit's frames) before
    the worker is ended and the request fails naming it; None: no limit (see `tfdfkd.render.worker`).
    """

    def __init__(self, lp_num_threads: int | None = 1, extra_env: dict | None = None,
                 program_seconds: float | None = None):
        if program_seconds is not None and not program_seconds > 0:
            raise TfdfkdError(f"the time limit per shader program must be positive, got {program_seconds!r}",
                              "pass --program_seconds above 0")
        self.program_seconds = program_seconds
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([_PACKAGE_ROOT] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        if lp_num_threads is not None:
            env["LP_NUM_THREADS"] = str(lp_num_threads)
        env.update(extra_env or {})
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the worker; closed in close())
        # With a limit, the worker writes the name of each program it starts here (for the error message).
        self._current_program = tempfile.TemporaryFile() if program_seconds else None  # noqa: SIM115 (closed in close())
        env["TFDFKD_PROGRAM_SECONDS"] = f"{program_seconds:g}" if program_seconds else ""
        env["TFDFKD_CURRENT_PROGRAM_FD"] = str(self._current_program.fileno()) if self._current_program else ""
        self.process = subprocess.Popen([sys.executable, "-m", "tfdfkd.render.worker"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self._stderr, env=env, cwd=_PACKAGE_ROOT,
                                        pass_fds=(self._current_program.fileno(),) if self._current_program else ())
        hello = read_message(self.process.stdout)
        if hello is None or hello[0] != "hello":
            detail = hello[1] if hello else self.stderr_tail() or f"exit status {self.process.wait()}"
            self.close()
            raise TfdfkdError(f"the render worker could not start an OpenGL (EGL) context: {detail}", _SETUP_FIX)
        self.info = hello[1]
        self.tensorflow_loaded = hello[1]["tensorflow_loaded"]

    def stderr_tail(self, lines: int = 5) -> str:
        self._stderr.seek(0)
        text = self._stderr.read().decode(errors="replace").strip().splitlines()
        return " | ".join(text[-lines:])

    def current_program(self) -> str:
        """The program the worker started last ('' before the first, or without a time limit)."""
        if self._current_program is None:
            return ""
        return os.pread(self._current_program.fileno(), PROGRAM_NAME_BYTES, 0).decode(errors="replace").strip()

    def request(self, kind: str, payload=None):
        try:
            write_message(self.process.stdin, (kind, payload))
            reply = read_message(self.process.stdout)
        except (BrokenPipeError, OSError):
            reply = None
        if reply is None:
            try:
                status = self.process.wait(timeout=5)  # its stdout closed: it is exiting
            except subprocess.TimeoutExpired:
                status = None
            if status == -signal.SIGALRM and self.program_seconds:
                raise TfdfkdError(f"shader program {self.current_program() or '?'} ran past the limit of "
                                  f"{self.program_seconds:g} s per program in a render worker (a loop that does "
                                  f"not end?), so the worker was stopped",
                                  "remove that program (or render without it) or raise --program_seconds; "
                                  "run again to resume from the finished shards")
            how = ("still running, its output closed" if status is None else
                   f"killed by {_signal_name(-status)}" if status < 0 else f"exit status {status}")
            raise TfdfkdError(f"a render worker died ({how}): {self.stderr_tail() or 'no message'}",
                              "check the shader programs and the OpenGL setup; run again to resume")
        self.tensorflow_loaded = self.tensorflow_loaded or reply[2]
        if reply[0] == "error":
            raise RuntimeError(f"render worker failed on {kind!r}:\n{reply[1]}")
        return reply[1]

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                write_message(self.process.stdin, ("exit", None))
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self._stderr.close()
        if self._current_program is not None:
            self._current_program.close()


class WorkerPool:
    """`workers` render processes; use as a context manager so they always exit."""

    def __init__(self, workers: int = 1, lp_num_threads: int | None = 1, extra_env: dict | None = None,
                 program_seconds: float | None = None):
        if workers < 1:
            raise TfdfkdError(f"workers must be at least 1, got {workers}", "pass --workers=1 or more")
        self.workers: list[Worker] = []
        try:
            for _ in range(workers):
                self.workers.append(Worker(lp_num_threads, extra_env, program_seconds))
        except BaseException:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def tensorflow_loaded(self) -> bool:
        return any(w.tensorflow_loaded for w in self.workers)

    def broadcast(self, kind: str, payload=None) -> list:
        return [w.request(kind, payload) for w in self.workers]

    def scatter(self, kind: str, payloads: list) -> list:
        """payloads[i] goes to worker i (in parallel); returns the replies in the same order."""
        return list(self.imap(kind, enumerate(payloads), pinned=True))

    def imap(self, kind: str, payloads: Iterable, window: int | None = None, pinned: bool = False) -> Iterator:
        """Replies to `(kind, payload)` for each payload, in order, computed by whichever worker is free.

        With `pinned`, each item is (worker index, payload) and goes to that worker (the one
        that already compiled the programs it needs). At most `window` requests are queued or
        running at once (default: 4 per worker), so a lazy `payloads` is consumed only as fast
        as the workers go.
        """
        window = window or 4 * len(self.workers)
        shared: queue.Queue = queue.Queue()
        own_queues = [queue.Queue() for _ in self.workers]
        results: dict[int, object] = {}
        done = threading.Condition()

        def serve(worker: Worker, own: queue.Queue) -> None:
            while True:
                try:
                    item = own.get_nowait()
                except queue.Empty:
                    item = own.get() if pinned else shared.get()
                if item is None:
                    return
                index, payload = item
                try:
                    reply = worker.request(kind, payload)
                except Exception as e:  # noqa: BLE001 (handed to the consumer and raised there)
                    reply = _Failure(e)
                with done:
                    results[index] = reply
                    done.notify_all()

        threads = [threading.Thread(target=serve, args=(w, q), daemon=True) for w, q in zip(self.workers, own_queues)]
        for thread in threads:
            thread.start()
        source = iter(payloads)
        submitted = produced = 0
        exhausted = False
        try:
            while True:
                while not exhausted and submitted - produced < window:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    if pinned:
                        worker_index, payload = item
                        own_queues[worker_index % len(self.workers)].put((submitted, payload))
                    else:
                        shared.put((submitted, item))
                    submitted += 1
                if exhausted and produced == submitted:
                    return
                with done:
                    while produced not in results:
                        done.wait()
                    reply = results.pop(produced)
                produced += 1
                if isinstance(reply, _Failure):
                    raise reply.error
                yield reply
        finally:
            for q in [shared, *own_queues]:  # drop what was not started, then stop each thread
                while True:
                    try:
                        q.get_nowait()
                    except queue.Empty:
                        break
            for q in own_queues:
                q.put(None)
            if not pinned:
                for _ in threads:
                    shared.put(None)
            for thread in threads:
                thread.join()

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        self.workers = []
