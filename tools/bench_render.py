"""Throughput of the shader renderer: kept images per second at 32x32 grey, render + filter.

    python tools/bench_render.py --out=tools/bench/render_32x32_grey.json

Renders the same cache (shipped programs + --generated_programs, seed 0) once per setting
and repeat, each into a fresh temporary directory, with every setting of --settings
("WxT": W worker processes with LP_NUM_THREADS=T, T=0 for Mesa's default). The rate of a run
is kept images over the render phase (rendering, filtering and writing shards, from the
manifest's shard timings); the record reports the setting with the best median rate, its
end-to-end rate (worker start-up and program compilation included; compiled shaders come from
Mesa's disk cache after the first run; --cold adds one run with that cache off), how many
shipped programs compile, and the fraction of frames the filter drops. Other jobs share this
machine: the load average is in the record.
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_integer("num_images", 20000, "Kept images per run.", lower_bound=1)
flags.DEFINE_string("resolution", "32", "Image size (32 or HxW).")
flags.DEFINE_enum("channels", "1", ["1", "3"], "1: grey, 3: RGB.")
flags.DEFINE_list("settings", ["2x1", "1x1", "2x0", "1x0"], "WxT: W workers with LP_NUM_THREADS=T (0: Mesa default).")
flags.DEFINE_integer("repeats", 2, "Runs per setting; the median counts.", lower_bound=1)
flags.DEFINE_integer("frames_per_program", 16, "Frames per program visit.", lower_bound=1)
flags.DEFINE_integer("generated_programs", 256, "Generated programs added to the shipped library.", lower_bound=0)
flags.DEFINE_bool("cold", True, "Also time one end-to-end run of the best setting with Mesa's shader disk cache off "
                  "(MESA_SHADER_CACHE_DISABLE=true), like a first run on a fresh machine.")
flags.DEFINE_string("out", None, "Where to write the JSON record (default: print only).")


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(bench, resumable=False)


def parse_setting(text: str) -> tuple[int, int | None]:
    from tfdfkd.errors import TfdfkdError

    try:
        workers, threads = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise TfdfkdError(f"--settings entry {text!r} is not WxT", "write settings like 2x1,1x0") from None
    if workers < 1 or threads < 0:
        raise TfdfkdError(f"--settings entry {text!r} is out of range", "use W >= 1 workers and T >= 0 threads")
    return workers, (threads or None)


def bench():
    import shutil
    import statistics
    import subprocess
    import tempfile

    from tfdfkd.io_utils import check_record_path, write_benchmark
    from tfdfkd.render import cache, generator, programs

    check_record_path(FLAGS.out)  # before the work, not after it

    resolution = cache.parse_resolution(FLAGS.resolution)
    shipped = programs.shipped_programs()
    chosen = shipped + [programs.Program(*generator.generate(s)) for s in range(FLAGS.generated_programs)]
    settings = [parse_setting(s) for s in FLAGS.settings]
    load_before = os.getloadavg()
    runs = []
    manifest = None
    scratch = tempfile.mkdtemp(prefix="bench_render-")

    def run(text: str, workers: int, threads: int | None, label: str) -> dict:
        nonlocal manifest
        directory = os.path.join(scratch, f"{text}-{len(runs)}")
        start = time.time()
        manifest = cache.render_cache(directory, FLAGS.num_images, resolution=resolution, channels=int(FLAGS.channels),
                                      seed=0, programs=chosen, frames_per_program=FLAGS.frames_per_program,
                                      workers=workers, lp_num_threads=threads, verbose=False)
        wall = time.time() - start
        shutil.rmtree(directory)
        result = {"setting": text, "workers": workers, "lp_num_threads": threads or "mesa default",
                  "images_per_second": round(FLAGS.num_images / manifest["seconds"]),
                  "end_to_end_images_per_second": round(FLAGS.num_images / wall),
                  "render_seconds": manifest["seconds"], "wall_seconds": round(wall, 2)}
        print(f"{text} {label}: {result['images_per_second']:,} kept images/s rendering, "
              f"{result['end_to_end_images_per_second']:,} end to end ({wall:.1f} s)", flush=True)
        return result

    cold = None
    try:
        for repeat in range(FLAGS.repeats):
            for text, (workers, threads) in zip(FLAGS.settings, settings):
                runs.append(run(text, workers, threads, f"run {repeat + 1}"))
        by_setting: dict[str, list] = {}
        for result in runs:
            by_setting.setdefault(result["setting"], []).append(result)
        median = {s: statistics.median(r["images_per_second"] for r in rs) for s, rs in by_setting.items()}
        best = max(median, key=median.get)
        if FLAGS.cold:
            os.environ["MESA_SHADER_CACHE_DISABLE"] = "true"  # the workers inherit it
            try:
                cold = run(best, *parse_setting(best), "with Mesa's shader cache off")
            finally:
                del os.environ["MESA_SHADER_CACHE_DISABLE"]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    best_runs = by_setting[best]
    failed = {item["name"] for item in manifest["failed_programs"]}
    uptime = subprocess.run(["uptime"], check=False, capture_output=True, text=True).stdout.strip()
    record = {
        "method": "render",
        "resolution": list(resolution),
        "channels": int(FLAGS.channels),
        "num_images": FLAGS.num_images,
        "images_per_second": round(median[best]),
        "end_to_end_images_per_second": round(statistics.median(r["end_to_end_images_per_second"] for r in best_runs)),
        "seconds": round(statistics.median(r["render_seconds"] for r in best_runs), 2),
        "wall_seconds": round(statistics.median(r["wall_seconds"] for r in best_runs), 2),
        "workers": best_runs[0]["workers"],
        "lp_num_threads": best_runs[0]["lp_num_threads"],
        "gallivm_perf": manifest["gallivm_perf"],
        "programs_total": len(shipped),
        "programs_compiled": len([p for p in shipped if p.name not in failed]),
        "generated_programs": FLAGS.generated_programs,
        "generated_compiled": len([p for p in chosen[len(shipped):] if p.name not in failed]),
        "dropped_fraction": manifest["dropped"]["fraction"],
        "frames_per_program": FLAGS.frames_per_program,
        "gl_renderer": manifest["gl_renderer"],
        "cold_shader_cache": cold,
        "runs": runs,
        "load_average_before": [round(v, 2) for v in load_before],
        "uptime_after": uptime,
    }
    write_benchmark(record, FLAGS.out)


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
