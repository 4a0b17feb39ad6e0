"""Shader-image caches on disk: rendered once by worker processes, read back with numpy alone.

A cache is a directory::

    manifest.json       format "tfdfkd-shader-cache/1", resolution [H, W], channels, seed,
                        num_images, dropped {count, fraction}, failed_programs [{name, error}],
                        programs [names], shards [{file, count, sha256, ...}], complete
    shard-00000.npz     images uint8 (N, H, W, C); program int32 (index into `programs`);
                        time float32 (N,); params float32 (N, 4) (the values of p0..p3)
    ...

Rendering is a fixed sequence of tasks (one program, `frames_per_program` frames, `time` and
p0..p3 drawn from a generator seeded with (seed, task)); the programs follow each other in a
seeded random order, every program once per round. Shard i holds the images the filter keeps
from its own block of tasks, so it is a pure function of the arguments and i: each shard is
written under a temporary name and renamed, the manifest is rewritten after it, and a killed
run started again keeps the finished shards and renders the rest, giving the same bytes as an
uninterrupted run. Shards are uncompressed zip files with fixed timestamps, so equal arrays
give equal files and equal sha256.

This module imports numpy only; rendering happens in `tfdfkd.render.pool` worker processes.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import io
import os
import sys
import time
import zipfile

import numpy as np

from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import (
    atomic_path,
    check_writable,
    read_json,
    sha256_of,
    write_json,
)
from tfdfkd.render import programs as shader_programs
from tfdfkd.render.filters import FilterConfig

FORMAT = "tfdfkd-shader-cache/1"
MANIFEST = "manifest.json"
SHARD_FRAMES = 4096  # frames rendered (before filtering) per shard, at most
SHARD_BYTES = 256 * 2**20  # ... and at most this many bytes of frames held in memory per shard
CHUNK_FRAMES = 256  # frames per request to a worker, at most: amortises the pipe round trip
CHUNK_BYTES = 16 * 2**20  # ... and at most this many bytes of frames per reply
PROGRAM_SECONDS = 120.0  # the most one program may take (compile, or one visit's frames) before the render stops
EMPTY_SHARDS_LIMIT = 8  # shards in a row that keep no frame: the filter drops everything, give up
_RENDER_FIX = ("render a cache at the teacher's resolution (tools/render_shaders.py --out=NEW_DIR --resolution={h} "
               "--channels={c}) and pass it as --synth_settings=cache=NEW_DIR")


def describe(resolution, channels) -> str:
    """'32x32 grey' or '64x64 RGB'."""
    height, width = resolution
    return f"{height}x{width} {'grey' if channels == 1 else 'RGB'}"


def read_manifest(directory: str) -> dict:
    """The cache's manifest.json; TfdfkdError when there is no cache at `directory`."""
    path = os.path.join(directory, MANIFEST)
    if not os.path.isfile(path):
        raise TfdfkdError(f"no shader cache at {directory} (no {MANIFEST})",
                          "render one with tools/render_shaders.py --out=" + directory)
    try:
        manifest = read_json(path)
    except ValueError as e:
        raise TfdfkdError(f"{path} is not valid JSON ({e})", "delete the directory and render the cache again") from None
    if manifest.get("format") != FORMAT:
        raise TfdfkdError(f"{directory} is not a shader cache (format {manifest.get('format')!r}, expected {FORMAT!r})",
                          "point at a directory written by tools/render_shaders.py")
    return manifest


def load_images(directory: str, resolution=None, channels: int | None = None) -> np.ndarray:
    """All images of a finished cache: uint8 (N, H, W, C), values 0..255.

    resolution (int or (H, W)) and channels, when given, must match the cache; each shard's
    sha256 is checked against the manifest.
    """
    manifest = read_manifest(directory)
    have = (tuple(manifest["resolution"]), manifest["channels"])
    if resolution is not None or channels is not None:
        want = (parse_resolution(resolution) if resolution is not None else have[0],
                int(channels) if channels is not None else have[1])
        if want != have:
            raise TfdfkdError(f"shader cache at {directory} is {describe(*have)}, the teacher needs {describe(*want)}",
                              _RENDER_FIX.format(h=want[0][0], c=want[1]) if want[0][0] == want[0][1] else
                              _RENDER_FIX.format(h=f"{want[0][0]}x{want[0][1]}", c=want[1]))
    if not manifest.get("complete"):
        done = sum(s["count"] for s in manifest["shards"])
        raise TfdfkdError(f"shader cache at {directory} is unfinished ({done} of {manifest['num_images']} images)",
                          "run the same tools/render_shaders.py command again to finish it")
    if not manifest["shards"] or manifest["num_images"] == 0:
        raise TfdfkdError(f"shader cache at {directory} holds no images", "render it again with --num_images above 0")
    parts = [_read_shard(directory, shard)["images"] for shard in manifest["shards"]]
    images = np.concatenate(parts)
    expected = (manifest["num_images"], *have[0], have[1])
    if images.shape != expected or images.dtype != np.uint8:
        raise TfdfkdError(f"shader cache at {directory} holds {images.dtype} {images.shape}, its manifest says uint8 {expected}",
                          "delete the directory and render the cache again")
    return images


def render_cache(directory: str, num_images: int, resolution=(32, 32), channels: int = 1, seed: int = 0,
                 programs=None, frames_per_program: int = 16, workers: int | None = None, verbose: bool = True, *,
                 filter_config: FilterConfig | None = None, lp_num_threads: int | None = 1,
                 shard_frames: int | None = None, fast_compile: bool = True,
                 program_seconds: float | None = PROGRAM_SECONDS) -> dict:
    """Renders `num_images` kept shader images into `directory` (resuming a killed run); returns the manifest.

    Args:
      resolution: int or (H, W) in pixels.
      channels: 1 (grey, BT.601 luma of the program's RGB) or 3 (RGB).
      seed: fixes the order of programs and every frame's `time` and p0..p3.
      programs: `Program`s, (name, source) pairs or .frag paths; default: the shipped library
        plus `programs.DEFAULT_GENERATED` (256) programs from `tfdfkd.render.generator`.
      frames_per_program: frames per task, each with its own random `time` and p0..p3.
      workers: render processes (default: one per CPU core).
      verbose: print a progress line per shard.
      filter_config: thresholds of the constant/simple-image filter (default: `FilterConfig()`,
        see `tfdfkd.render.filters`).
      lp_num_threads: llvmpipe rasteriser threads per worker (None: Mesa's default). At 32x32,
        one thread per process and one process per core was the fastest measured here.
      shard_frames: frames rendered per shard (default: `SHARD_FRAMES`, fewer where that many
        frames would pass `SHARD_BYTES`).
      fast_compile: have llvmpipe skip LLVM's optimisation passes (GALLIVM_PERF=nopt, unless
        set already). Compiling gets about twice as fast, and at 32x32 frames did not render
        slower (per-frame overhead dominates); turn it off for large frames. GPU drivers ignore it.
      program_seconds: the most one program may take, compiling or rendering one visit's frames,
        before the render stops with an error naming it (a shader that loops too long would
        otherwise hold it forever); None: no limit. Finished shards are kept, so a rerun resumes.
    """
    resolution = parse_resolution(resolution)
    filter_config = filter_config or FilterConfig()
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise TfdfkdError(f"--out {directory} is a file, not a directory", "choose a new directory for the cache")
    check_writable(directory)
    frame_bytes = resolution[0] * resolution[1] * 4  # RGBA as read back, whatever `channels` keeps
    if shard_frames is None:
        shard_frames = max(frames_per_program, min(SHARD_FRAMES, SHARD_BYTES // frame_bytes))
    if channels not in (1, 3):
        raise TfdfkdError(f"channels must be 1 (grey) or 3 (RGB), got {channels}", "pass --channels=1 or --channels=3")
    for name, value in (("num_images", num_images), ("frames_per_program", frames_per_program),
                        ("shard_frames", shard_frames)):
        if not isinstance(value, (int, np.integer)) or value < 1:
            raise TfdfkdError(f"{name} must be a positive integer, got {value!r}", f"pass --{name}=1 or more")
    if not isinstance(seed, (int, np.integer)) or seed < 0:
        raise TfdfkdError(f"seed must be a non-negative integer, got {seed!r}", "pass --seed=0 or another integer >= 0")
    if workers is not None and (not isinstance(workers, (int, np.integer)) or workers < 1):
        raise TfdfkdError(f"workers must be a positive integer, got {workers!r}", "pass --workers=1 or more, or leave it out for one per core")
    colours = min(filter_config.levels ** channels, resolution[0] * resolution[1])
    if filter_config.min_colors > colours:
        raise TfdfkdError(f"filter_min_colors={filter_config.min_colors} exceeds the {colours} colours a {resolution[0]}x{resolution[1]} "
                          f"image quantised to {filter_config.levels} levels per channel can have: every frame would be dropped",
                          f"pass --filter_min_colors of at most {colours} (default 3)")
    workers = workers or os.cpu_count() or 1
    programs = shader_programs.as_programs(
        shader_programs.default_programs() if programs is None else programs)
    tasks_per_shard = max(1, shard_frames // frames_per_program)
    prelude = shader_programs.prelude()
    identity = {
        "format": FORMAT,
        "resolution": list(resolution),
        "channels": channels,
        "seed": int(seed),
        "num_images": int(num_images),
        "frames_per_program": int(frames_per_program),
        "tasks_per_shard": tasks_per_shard,
        "filter": dataclasses.asdict(filter_config),
        "time_range": list(shader_programs.TIME_RANGE),
        "programs_sha256": shader_programs.programs_digest(programs, prelude),
    }
    log = _printer(verbose)
    previous = _previous_run(directory, identity)
    # The manifest is written before the first shard, so without one every file but a killed
    # run's temporary is someone else's.
    foreign = sorted(name for name in (os.listdir(directory) if os.path.isdir(directory) else [])
                     if not name.startswith(".tmp-"))
    if previous is None and foreign:
        raise TfdfkdError(f"{directory} exists and holds files that are not a shader cache ({', '.join(foreign[:3])}"
                          f"{', ...' if len(foreign) > 3 else ''})", "render into a new or empty directory")
    if previous is not None and previous.get("complete"):
        intact = _intact_prefix(directory, previous["shards"])
        if len(intact) == len(previous["shards"]):
            log(f"{directory}: already complete ({previous['num_images']} images)")
            return previous
        log(f"{directory}: {previous['shards'][len(intact)]['file']} is missing or damaged; rendering from it again")
    os.makedirs(directory, exist_ok=True)
    for stale in os.listdir(directory):  # pieces of a killed run's last shard
        if stale.startswith(".tmp-") and stale.endswith(".npz"):
            os.remove(os.path.join(directory, stale))
    shards = _intact_prefix(directory, previous["shards"]) if previous else []
    if sum(s["count"] for s in shards) >= num_images:  # killed after the last shard, before the manifest said so
        manifest = {**previous, "shards": shards, **_totals(shards), "complete": True}
        write_json(os.path.join(directory, MANIFEST), manifest)
        return manifest

    from tfdfkd.render.pool import WorkerPool

    start = time.time()
    extra_env = {"GALLIVM_PERF": "nopt"} if fast_compile and "GALLIVM_PERF" not in os.environ else {}
    with WorkerPool(workers, lp_num_threads, extra_env, program_seconds) as pool:
        sources = {p.name: p.source for p in programs}
        pool.broadcast("programs", sources)
        log(f"compiling {len(programs)} programs on {workers} worker(s)")
        names = [p.name for p in programs]
        replies = pool.scatter("compile", [{"names": names[i::workers], "resolution": resolution}
                                           for i in range(workers)])
        errors = {name: error for reply in replies for name, error in reply.items()}
        failed = [{"name": name, "error": errors[name]} for name in names if name in errors]
        for item in failed:
            log(f"skipped {item['name']}: {item['error']}")
        if previous is not None and previous.get("failed_programs") != failed:
            raise TfdfkdError(f"the programs that compile here differ from those of the run that started {directory}",
                              "finish the cache on the machine that started it, or render into a new directory")
        valid = np.array([i for i, name in enumerate(names) if name not in errors], np.int64)
        if len(valid) == 0:
            raise TfdfkdError(f"none of the {len(names)} shader programs compiled (first error: {failed[0]['error']})",
                              "check the GLSL programs and the OpenGL driver (GL 3.3 core is needed)")
        log(f"{len(valid)} of {len(names)} programs compiled in {time.time() - start:.1f} s on {workers} worker(s), "
            f"{pool.workers[0].info['gl'].get('GL_RENDERER')}")
        if pool.tensorflow_loaded:
            raise RuntimeError("a render worker imported TensorFlow; it must not (TF crashes next to an EGL context)")

        metas: collections.deque = collections.deque()  # (tasks, last chunk of its shard?) per request, in order

        def requests(first_shard: int):
            per_chunk = max(1, min(CHUNK_FRAMES, CHUNK_BYTES // frame_bytes) // frames_per_program)
            for shard in range(first_shard, sys.maxsize):
                tasks = [(t, *_task(t, valid, seed, frames_per_program))
                         for t in range(shard * tasks_per_shard, (shard + 1) * tasks_per_shard)]
                # Program i stays on worker i % workers, which compiled it above; the shard is put
                # back in task order when written, so its bytes do not depend on the worker count.
                groups = [[task for task in tasks if task[1] % workers == w] for w in range(workers)]
                chunks = sorted(((w, group[i:i + per_chunk]) for w, group in enumerate(groups)
                                 for i in range(0, len(group), per_chunk)), key=lambda c: c[1][0][0])
                for k, (w, chunk) in enumerate(chunks):
                    metas.append((chunk, k == len(chunks) - 1))
                    yield w, {"resolution": resolution, "channels": channels, "filter": identity["filter"],
                              "tasks": [(names[p], times, params) for _, p, times, params in chunk]}

        manifest = {**identity, "programs": names, "failed_programs": failed, "shards": shards, "complete": False,
                    "gl_renderer": pool.workers[0].info["gl"].get("GL_RENDERER"), "workers": workers,
                    "lp_num_threads": lp_num_threads, "gallivm_perf": extra_env.get("GALLIVM_PERF")}
        manifest.update(_totals(shards))
        write_json(os.path.join(directory, MANIFEST), manifest)  # before the first shard: see `foreign` above
        total = sum(s["count"] for s in shards)
        pending: list = []
        shard_start = time.time()
        stream = pool.imap("render", requests(len(shards)), pinned=True)
        try:
            for reply in stream:
                chunk, last = metas.popleft()
                pending.extend(zip(chunk, reply))
                if not last:
                    continue
                shard = _write_shard(directory, len(shards), pending, num_images - total, time.time() - shard_start,
                                     (*resolution, channels))
                pending, shard_start = [], time.time()
                shards.append(shard)
                total += shard["count"]
                if len(shards) >= EMPTY_SHARDS_LIMIT and not any(s["count"] for s in shards[-EMPTY_SHARDS_LIMIT:]):
                    raise TfdfkdError(f"the filter dropped every one of the last {EMPTY_SHARDS_LIMIT} shards' "
                                      f"{sum(s['rendered'] for s in shards[-EMPTY_SHARDS_LIMIT:])} frames",
                                      "loosen the filter (--filter_min_colors, --filter_max_top2_fraction, --filter_min_std) "
                                      "or render other programs")
                manifest.update(_totals(shards), complete=total >= num_images)
                write_json(os.path.join(directory, MANIFEST), manifest)
                rate = shard["count"] / max(shard["seconds"], 1e-9)
                log(f"shard {len(shards) - 1}: kept {shard['count']} of {shard['rendered']} frames, "
                    f"{total}/{num_images} images, {rate:,.0f} images/s")
                if total >= num_images:
                    break
        finally:
            stream.close()
    log(f"{directory}: {total} images in {time.time() - start:.1f} s, "
        f"{manifest['dropped']['fraction']:.1%} of frames dropped by the filter")
    return manifest


def parse_resolution(resolution) -> tuple[int, int]:
    """(H, W) from an int, a (H, W) pair, or a string such as "32" or "32x48"."""
    given = resolution
    if isinstance(resolution, str):
        parts = resolution.lower().replace(",", "x").split("x")
        resolution = parts * 2 if len(parts) == 1 else parts
    if isinstance(resolution, (int, np.integer)):
        resolution = (resolution, resolution)
    try:
        height, width = (int(v) for v in resolution)
    except (TypeError, ValueError):
        raise TfdfkdError(f"resolution must be an int or (height, width), got {given!r}",
                          "pass --resolution=32 or --resolution=32x48") from None
    if height < 1 or width < 1 or height > 4096 or width > 4096:
        raise TfdfkdError(f"resolution {height}x{width} is out of range", "pass sizes between 1 and 4096 pixels")
    return height, width


def _printer(verbose: bool):
    def log(message: str) -> None:
        if verbose:
            print(message, flush=True)

    return log


def _previous_run(directory: str, identity: dict) -> dict | None:
    if not os.path.isfile(os.path.join(directory, MANIFEST)):
        return None
    previous = read_manifest(directory)
    changed = sorted(k for k in identity if previous.get(k) != identity[k])
    if changed:
        raise TfdfkdError(f"{directory} holds a shader cache made with other settings ({', '.join(changed)} differ)",
                          "use a new --out directory, or delete this one to start over")
    return previous


def _intact_prefix(directory: str, shards: list[dict]) -> list[dict]:
    """The finished shards a resumed run keeps: up to the first missing or damaged one."""
    kept = []
    for shard in shards:
        path = os.path.join(directory, shard["file"])
        if not os.path.isfile(path) or sha256_of(path) != shard["sha256"]:
            break
        kept.append(shard)
    return kept


@functools.lru_cache(maxsize=4)
def _program_order(seed: int, cycle: int, count: int) -> np.ndarray:
    """The order in which round `cycle` visits the `count` programs that compiled."""
    return np.random.default_rng(np.random.SeedSequence([seed, 1, cycle])).permutation(count)


def _task(task: int, valid: np.ndarray, seed: int, frames: int):
    """Task `task`: (program index, times (F,), params (F, 4)), a pure function of its arguments."""
    cycle, position = divmod(task, len(valid))
    order = _program_order(seed, cycle, len(valid))
    rng = np.random.default_rng(np.random.SeedSequence([seed, 2, task]))
    low, high = shader_programs.TIME_RANGE
    times = rng.uniform(low, high, frames).astype(np.float32)
    params = rng.random((frames, shader_programs.NUM_PARAMS)).astype(np.float32)
    return int(valid[order[position]]), times, params


def _write_shard(directory: str, index: int, pending: list, room: int, seconds: float, shape: tuple) -> dict:
    images = [np.zeros((0, *shape), np.uint8)]
    program = [np.zeros(0, np.int32)]
    times = [np.zeros(0, np.float32)]
    params = [np.zeros((0, shader_programs.NUM_PARAMS), np.float32)]
    rendered = kept = 0
    for (_, p, task_times, task_params), (error, task_images, keep) in sorted(pending, key=lambda item: item[0][0]):
        rendered += len(task_times)
        if error is not None:
            continue
        kept += int(keep.sum())
        images.append(task_images)
        program.append(np.full(len(task_images), p, np.int32))
        times.append(task_times[keep])
        params.append(task_params[keep])
    arrays = {"images": np.concatenate(images), "program": np.concatenate(program),
              "time": np.concatenate(times).astype(np.float32), "params": np.concatenate(params).astype(np.float32)}
    count = max(0, min(kept, room))
    arrays = {k: np.ascontiguousarray(v[:count]) for k, v in arrays.items()}
    name = f"shard-{index:05d}.npz"
    path = os.path.join(directory, name)
    with atomic_path(path) as tmp:
        _write_npz(tmp, arrays)
    return {"file": name, "count": count, "sha256": sha256_of(path), "rendered": rendered, "dropped": rendered - kept,
            "seconds": round(seconds, 3)}


def _totals(shards: list[dict]) -> dict:
    rendered = sum(s["rendered"] for s in shards)
    dropped = sum(s["dropped"] for s in shards)
    return {"dropped": {"count": dropped, "fraction": round(dropped / max(rendered, 1), 4)},
            "rendered_frames": rendered, "seconds": round(sum(s["seconds"] for s in shards), 2)}


def _write_npz(path: str, arrays: dict) -> None:
    """np.savez without the wall-clock timestamps, so equal arrays give byte-equal files."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for key, value in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(value), allow_pickle=False)
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


def _read_shard(directory: str, shard: dict) -> dict:
    path = os.path.join(directory, shard["file"])
    if not os.path.isfile(path):
        raise TfdfkdError(f"shard {shard['file']} of the shader cache at {directory} is missing",
                          "run the same tools/render_shaders.py command again to re-render it")
    if sha256_of(path) != shard["sha256"]:
        raise TfdfkdError(f"shard {shard['file']} of the shader cache at {directory} is corrupt (sha256 mismatch)",
                          "run the same tools/render_shaders.py command again: it renders damaged shards again")
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}
