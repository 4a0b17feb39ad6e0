"""Renders a cache of shader images (Frank & Davis, sect. 3.1) for the shader synthesis method.

    python tools/render_shaders.py --out=runs/shaders32_grey --num_images=25000 --resolution=32 --channels=1

Renders the shipped GLSL programs (shaders/library, or your own under --shader_dir) plus
--generated_programs programs from the generator, several frames each with random `time` and
p0..p3, drops constant and simple images, and writes shard-*.npz files and manifest.json to
--out. A killed run started again with the same flags resumes from its finished shards (and
renders a missing or damaged one again). Never imports TensorFlow: rendering happens in worker
processes that hold the OpenGL (EGL) context. Errors are one line on stderr, exit status 2.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_string("out", None, "Cache directory to write (or resume).", required=True)
flags.DEFINE_integer("num_images", 25000, "Images to keep after filtering (the paper: 25k per dataset).", lower_bound=1)
flags.DEFINE_string("resolution", "32", "Image size: 32 for 32x32, or HxW such as 32x48.")
flags.DEFINE_enum("channels", "1", ["1", "3"], "1: grey (BT.601 luma), 3: RGB.")
flags.DEFINE_integer("seed", 0, "Seeds the order of programs and every frame's time and p0..p3.", lower_bound=0)
flags.DEFINE_integer("workers", None, "Render processes (default: one per CPU core).", lower_bound=1)
flags.DEFINE_integer("lp_num_threads", 1, "llvmpipe threads per worker (0 or less: Mesa's default); 1 is "
                     "fastest at 32x32 with one worker per core (tools/bench_render.py).")
flags.DEFINE_integer("frames_per_program", 16, "Frames per program visit, each with its own random time and p0..p3.", lower_bound=1)
flags.DEFINE_integer("generated_programs", 256, "Programs from tfdfkd.render.generator added to the shipped ones.", lower_bound=0)
flags.DEFINE_float("program_seconds", 120.0, "The most one program may take (compile, or one visit's frames) before "
                   "the render stops naming it (a shader that loops too long); 0: no limit.", lower_bound=0.0)
flags.DEFINE_bool("shipped_programs", True, "Include the shipped library (shaders/library).")
flags.DEFINE_string("shader_dir", None, "Render the .frag files under this directory (named <subfolder>/<name>) "
                    "in place of the shipped library; a program that does not compile is reported and skipped.")
# The filter of constant and simple images (tfdfkd.render.filters.FilterConfig; the defaults are its own).
flags.DEFINE_integer("filter_levels", 16, "Quantisation steps per channel before colours are counted.", lower_bound=2)
flags.DEFINE_integer("filter_min_colors", 3, "Drop images with fewer distinct quantised colours.", lower_bound=0)
flags.DEFINE_float("filter_max_top2_fraction", 0.9, "Drop images whose two commonest colours cover more of the pixels.")
flags.DEFINE_float("filter_min_std", 4.0, "Drop images whose pixel standard deviation (0..255) is lower.", lower_bound=0.0)


def main(argv):
    del argv
    from tfdfkd.cli import run_cli

    run_cli(render)


def render():
    from tfdfkd.errors import TfdfkdError
    from tfdfkd.render import cache, generator, programs
    from tfdfkd.render.filters import FilterConfig

    if FLAGS.generated_programs < 0:
        raise TfdfkdError(f"--generated_programs={FLAGS.generated_programs} is negative", "pass 0 or more")
    if FLAGS.shader_dir is not None:
        if not os.path.isdir(FLAGS.shader_dir):
            raise TfdfkdError(f"--shader_dir {FLAGS.shader_dir} is not a directory", "pass a directory that holds .frag files")
        chosen = programs.shipped_programs(FLAGS.shader_dir)
        if not chosen:
            raise TfdfkdError(f"--shader_dir {FLAGS.shader_dir} holds no .frag files", "pass a directory that holds .frag files")
    else:
        chosen = programs.shipped_programs() if FLAGS.shipped_programs else []
    chosen += [programs.Program(*generator.generate(seed)) for seed in range(FLAGS.generated_programs)]
    if not chosen:
        raise TfdfkdError("no programs to render (--noshipped_programs and --generated_programs=0)",
                          "keep the shipped programs or pass --generated_programs above 0")
    lp_threads = FLAGS.lp_num_threads if FLAGS.lp_num_threads > 0 else None
    try:
        filter_config = FilterConfig(FLAGS.filter_levels, FLAGS.filter_min_colors, FLAGS.filter_max_top2_fraction,
                                     FLAGS.filter_min_std)
    except ValueError as e:
        raise TfdfkdError(f"bad filter setting: {e}", "pass --filter_levels in [2, 256], --filter_min_colors >= 0, "
                          "--filter_max_top2_fraction in (0, 1] and --filter_min_std in [0, 128)") from None
    manifest = cache.render_cache(FLAGS.out, FLAGS.num_images, resolution=cache.parse_resolution(FLAGS.resolution),
                                  channels=int(FLAGS.channels), seed=FLAGS.seed, programs=chosen,
                                  frames_per_program=FLAGS.frames_per_program, workers=FLAGS.workers,
                                  lp_num_threads=lp_threads, filter_config=filter_config,
                                  program_seconds=FLAGS.program_seconds or None)
    if "tensorflow" in sys.modules:  # the contract of this tool; a regression here would crash a GPU run
        raise RuntimeError("tools/render_shaders.py imported TensorFlow")
    print(f"wrote {manifest['num_images']} images to {FLAGS.out} "
          f"({len(manifest['failed_programs'])} of {len(manifest['programs'])} programs failed to compile)")


if __name__ == "__main__":
    from tfdfkd.cli import parse_flags

    app.run(main, flags_parser=parse_flags)
