"""The shader renderer: shipped and generated programs, the image filter, the cache, TF isolation.

Rendering runs in worker processes (never in the pytest process, which may hold TensorFlow).
Shader tests render at 8x8; the session's worker compiles with llvmpipe's optimisation passes
off (GALLIVM_PERF=nopt), which halves compile time and changes nothing a test checks.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from tfdfkd.errors import TfdfkdError
from tfdfkd.render import cache, filters, generator, programs
from tfdfkd.render.pool import WorkerPool

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAST_COMPILE = {"GALLIVM_PERF": "nopt"}
KEEP_ALL = {"min_std": 0.0, "min_colors": 0, "max_top2_fraction": 1.0}

if importlib.util.find_spec("moderngl") is None:
    pytest.skip("moderngl is not installed (pip install -e '.[render]')", allow_module_level=True)


@pytest.fixture(scope="session")
def gl_worker():
    """One render process for the whole session."""
    with WorkerPool(1, lp_num_threads=1, extra_env=FAST_COMPILE) as pool:
        yield pool.workers[0]


def compile_and_render(worker, chosen, frames=4, resolution=(8, 8)):
    """{name: error} for the programs that fail, and {name: RGB frames (frames, H, W, 3)} for the rest."""
    worker.request("programs", {p.name: p.source for p in chosen})
    errors = worker.request("compile", {"names": [p.name for p in chosen], "resolution": resolution})
    rng = np.random.default_rng(0)
    tasks = [(p.name, rng.uniform(0, 64, frames).astype(np.float32), rng.random((frames, 4)).astype(np.float32))
             for p in chosen if p.name not in errors]
    replies = worker.request("render", {"resolution": resolution, "channels": 3, "filter": KEEP_ALL, "tasks": tasks})
    return errors, {name: images for (name, _, _), (_, images, _) in zip(tasks, replies)}


def test_every_shipped_program_compiles_and_renders_a_non_constant_image(gl_worker):
    shipped = programs.shipped_programs()
    assert len(shipped) >= 300
    assert len({p.source for p in shipped}) == len(shipped)
    errors, frames = compile_and_render(gl_worker, shipped)
    assert errors == {}
    constant = [name for name, images in frames.items() if images.max() == images.min()]
    assert constant == []
    assert all(images.shape == (4, 8, 8, 3) and images.dtype == np.uint8 for images in frames.values())


def _covering_seeds(limit=400):
    """Few seeds whose programs use every block of every kind at least once."""
    wanted = {(kind, b.name) for kind, blocks in generator.load_blocks().items() for b in blocks}
    seeds, seen = [], set()
    for seed in range(limit):
        source = generator.generate(seed)[1]
        used = {tuple(line[3:].split("/")) for line in source.splitlines() if line.startswith("// ")} & wanted
        if used - seen:
            seeds.append(seed)
            seen |= used
    assert wanted <= seen, f"blocks never drawn in {limit} seeds: {sorted(wanted - seen)}"
    return seeds


def test_generated_programs_compile_and_cover_every_block(gl_worker):
    seeds = _covering_seeds() + [10**6, 2**31 - 1]
    chosen = [programs.Program(*generator.generate(s)) for s in seeds]
    errors, frames = compile_and_render(gl_worker, chosen)
    assert errors == {}
    varied = [name for name, images in frames.items() if images.max() > images.min()]
    assert len(varied) >= 0.9 * len(chosen)


def test_generator_is_deterministic_and_seeds_differ():
    name, source = generator.generate(7)
    assert (name, source) == generator.generate(7)
    assert name == "gen/000007" and source.startswith("#version 330 core\n")
    assert programs.uniform_problem(source) is None
    # A fresh interpreter with another hash seed gives the same bytes.
    code = "import sys; from tfdfkd.render import generator; sys.stdout.write(generator.generate(7)[1])"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": "123"}, check=True).stdout
    assert other == source
    bodies = {"\n".join(line for line in generator.generate(s)[1].splitlines() if not line.startswith("//"))
              for s in range(300)}
    assert len(bodies) == 300
    with pytest.raises(ValueError):
        generator.generate(-1)


def test_uniform_contract():
    ok = "#version 330 core\nuniform vec2 resolution;\nuniform float time, p0;\nout vec4 fragColor;\nvoid main(){}"
    assert programs.uniform_problem(ok) is None
    assert programs.declared_uniforms(ok) == {"resolution": "vec2", "time": "float", "p0": "float"}
    assert "mouse" in programs.uniform_problem(ok.replace("uniform float time, p0;", "uniform vec2 mouse;"))
    assert "vec2 time" in programs.uniform_problem(ok.replace("uniform float time, p0;", "uniform vec2 time;"))
    assert programs.uniform_problem(ok + "\n// uniform sampler2D backbuffer;") is None  # comments do not count


def test_filter_drops_constant_and_simple_images_and_keeps_noise():
    rng = np.random.default_rng(0)
    h = w = 32
    constant = np.full((h, w, 1), 128, np.uint8)
    near_constant = rng.integers(126, 130, (h, w, 1)).astype(np.uint8)
    checker = (((np.indices((h, w)).sum(0) % 2) * 255).astype(np.uint8))[..., None]
    two_colour_rgb = np.where(checker > 0, np.uint8(200), np.uint8(30)).repeat(3, -1)
    two_colour_rgb[..., 1] //= 2
    few_pixels = np.zeros((h, w, 3), np.uint8)
    few_pixels[rng.integers(0, h, 40), rng.integers(0, w, 40)] = rng.integers(0, 256, (40, 3))
    noise = rng.integers(0, 256, (h, w, 1)).astype(np.uint8)
    noise_rgb = rng.integers(0, 256, (h, w, 3)).astype(np.uint8)
    ramp = np.broadcast_to(np.linspace(0, 255, w).astype(np.uint8)[None, :, None], (h, w, 1))
    grey = np.stack([constant, near_constant, checker, noise, ramp])
    assert filters.keep_mask(grey).tolist() == [False, False, False, True, True]
    rgb = np.stack([two_colour_rgb, few_pixels, noise_rgb])
    assert filters.keep_mask(rgb).tolist() == [False, False, True]
    loose = filters.FilterConfig(**KEEP_ALL)
    assert filters.keep_mask(grey, loose).all()
    with pytest.raises(ValueError):
        filters.keep_mask(grey.astype(np.float32))


BROKEN = programs.Program("broken", "#version 330 core\nout vec4 fragColor;\nvoid main() { fragColor = vec4(nothing); }\n")
MOUSE = programs.Program("needs_mouse", "#version 330 core\nuniform vec2 mouse;\nout vec4 fragColor;\n"
                                        "void main() { fragColor = vec4(mouse, 0.0, 1.0); }\n")
SMALL_SET = [p for p in programs.shipped_programs() if p.name.startswith(("noise/", "waves/"))][:6] + [BROKEN, MOUSE]
CACHE_ARGS = {"num_images": 300, "resolution": 8, "channels": 1, "seed": 3, "programs": SMALL_SET,
              "frames_per_program": 8, "workers": 1, "verbose": False, "shard_frames": 64}


@pytest.fixture(scope="module")
def small_cache(tmp_path_factory):
    directory = str(tmp_path_factory.mktemp("cache") / "c")
    return directory, cache.render_cache(directory, **CACHE_ARGS)


def test_cache_round_trip(small_cache):
    directory, manifest = small_cache
    assert manifest == cache.read_manifest(directory)
    assert manifest["format"] == "tfdfkd-shader-cache/1" and manifest["complete"]
    assert (manifest["resolution"], manifest["channels"], manifest["seed"], manifest["num_images"]) == ([8, 8], 1, 3, 300)
    failed = {item["name"]: item["error"] for item in manifest["failed_programs"]}
    assert set(failed) == {"broken", "needs_mouse"}
    assert "nothing" in failed["broken"] and "\n" not in failed["broken"]
    assert "mouse" in failed["needs_mouse"]
    assert 0 <= manifest["dropped"]["fraction"] < 1 and manifest["dropped"]["count"] >= 0
    assert len(manifest["shards"]) > 1 and sum(s["count"] for s in manifest["shards"]) == 300

    images = cache.load_images(directory, resolution=(8, 8), channels=1)
    assert images.shape == (300, 8, 8, 1) and images.dtype == np.uint8
    assert filters.keep_mask(images).all()
    with np.load(os.path.join(directory, manifest["shards"][0]["file"])) as shard:
        assert shard["images"].dtype == np.uint8 and shard["program"].dtype == np.int32
        assert shard["time"].dtype == np.float32 and shard["params"].shape == (len(shard["images"]), 4)
        assert ((shard["params"] >= 0) & (shard["params"] < 1)).all()
        names = {manifest["programs"][i] for i in shard["program"]}
        assert names and not names & {"broken", "needs_mouse"}
        np.testing.assert_array_equal(shard["images"], images[: len(shard["images"])])


def test_cache_reader_errors(small_cache, tmp_path):
    directory, manifest = small_cache
    with pytest.raises(TfdfkdError, match="is 8x8 grey, the teacher needs 32x32 grey") as error:
        cache.load_images(directory, resolution=32, channels=1)
    assert "--resolution=32 --channels=1" in error.value.fix
    with pytest.raises(TfdfkdError, match="the teacher needs 8x8 RGB"):
        cache.load_images(directory, channels=3)
    with pytest.raises(TfdfkdError, match="no shader cache"):
        cache.load_images(str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(TfdfkdError, match="no shader cache"):
        cache.load_images(str(tmp_path / "empty"))

    corrupt = str(tmp_path / "corrupt")
    shutil.copytree(directory, corrupt)
    shard = os.path.join(corrupt, manifest["shards"][1]["file"])
    with open(shard, "r+b") as f:  # flip one byte of the image data
        f.seek(-100, os.SEEK_END)
        byte = f.read(1)
        f.seek(-100, os.SEEK_END)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(TfdfkdError, match="sha256"):
        cache.load_images(corrupt)
    with pytest.raises(TfdfkdError, match="other settings"):
        cache.render_cache(directory, **{**CACHE_ARGS, "seed": 4})


def test_cache_resumes_from_finished_shards(small_cache, tmp_path):
    directory, manifest = small_cache
    resumed = str(tmp_path / "resumed")
    shutil.copytree(directory, resumed)
    # What a run killed while rendering shard 2 leaves: shards 0-1, their manifest, a temporary file.
    partial = {**manifest, "shards": manifest["shards"][:2], "complete": False}
    with open(os.path.join(resumed, "manifest.json"), "w") as f:
        json.dump(partial, f)
    for shard in manifest["shards"][2:]:
        os.remove(os.path.join(resumed, shard["file"]))
    with open(os.path.join(resumed, ".tmp-999-shard-00002.npz"), "wb") as f:
        f.write(b"half a shard")
    with pytest.raises(TfdfkdError, match="unfinished"):
        cache.load_images(resumed)
    finished = {s["file"]: os.stat(os.path.join(resumed, s["file"])).st_mtime_ns for s in partial["shards"]}

    again = cache.render_cache(resumed, **{**CACHE_ARGS, "workers": 2})  # the worker count does not change bytes
    assert {f: os.stat(os.path.join(resumed, f)).st_mtime_ns for f in finished} == finished  # not rewritten
    same = ("file", "count", "sha256", "rendered", "dropped")  # same sha256: byte-identical to an uninterrupted run
    assert [{k: s[k] for k in same} for s in again["shards"]] == [{k: s[k] for k in same} for s in manifest["shards"]]
    assert not [f for f in os.listdir(resumed) if f.startswith(".tmp-")]
    np.testing.assert_array_equal(cache.load_images(resumed), cache.load_images(directory))


def test_render_process_never_loads_tensorflow(tmp_path):
    """Importing and using the renderer keeps TensorFlow (and OpenGL) out of the calling process
    and out of the workers."""
    code = f"""
import json, sys
import tfdfkd.render as render
from tfdfkd.render.pool import WorkerPool
chosen = render.shipped_programs()[:3]
manifest = render.render_cache({str(tmp_path / "c")!r}, 40, resolution=8, programs=chosen, workers=1, verbose=False)
images = render.cache.load_images({str(tmp_path / "c")!r}, resolution=8, channels=1)
with WorkerPool(1) as pool:
    pool.broadcast("programs", {{}})
    worker_tf = pool.tensorflow_loaded
print(json.dumps({{"images": len(images), "tensorflow": "tensorflow" in sys.modules,
                  "moderngl": "moderngl" in sys.modules, "worker_tensorflow": worker_tf}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"images": 40, "tensorflow": False, "moderngl": False, "worker_tensorflow": False}


def test_worker_without_opengl_is_a_clear_error(tmp_path):
    (tmp_path / "moderngl.py").write_text("raise ImportError('moderngl is missing')\n")
    with pytest.raises(TfdfkdError, match="moderngl is missing") as error:
        WorkerPool(1, extra_env={"PYTHONPATH": os.pathsep.join([str(tmp_path), ROOT])})
    assert "tools/setup.sh" in error.value.fix


def test_render_tool_errors_and_small_run(tmp_path):
    tool = os.path.join(ROOT, "tools", "render_shaders.py")
    bad = subprocess.run([sys.executable, tool, f"--out={tmp_path / 'x'}", "--resolution=big"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert bad.returncode == 2
    assert bad.stderr.strip().startswith("error: ") and "Fix: " in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    out = tmp_path / "tool"
    good = subprocess.run([sys.executable, tool, f"--out={out}", "--num_images=60", "--resolution=8", "--channels=3",
                           "--noshipped_programs", "--generated_programs=4", "--workers=1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert good.returncode == 0, good.stderr
    assert cache.load_images(str(out), resolution=8, channels=3).shape == (60, 8, 8, 3)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "ramp.frag").write_text("#version 330 core\nuniform vec2 resolution;\nuniform float time;\nout vec4 fragColor;\n"
                                    "void main() { vec2 uv = gl_FragCoord.xy / resolution;\n"
                                    "  fragColor = vec4(fract(uv.x * 3.0 + uv.y * uv.y + time), uv.y, 0.5, 1.0); }\n")
    (mine / "broken.frag").write_text(BROKEN.source)
    own = subprocess.run([sys.executable, tool, f"--out={tmp_path / 'own'}", "--num_images=20", "--resolution=8",
                          f"--shader_dir={mine}", "--generated_programs=0", "--workers=1"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert own.returncode == 0, own.stderr
    manifest = cache.read_manifest(str(tmp_path / "own"))
    assert manifest["programs"] == ["broken", "ramp"] and [f["name"] for f in manifest["failed_programs"]] == ["broken"]
    empty = subprocess.run([sys.executable, tool, f"--out={tmp_path / 'x'}", f"--shader_dir={tmp_path / 'out'}"],
                           capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert empty.returncode == 2 and "is not a directory" in empty.stderr


def _slow_program(bound: str, loops: int) -> str:
    """A program whose every pixel runs `loops` loops of `bound` steps each (`bound` an expression
    of the uniforms, so nothing folds it away); the result varies across the frame, so the filter
    keeps it. llvmpipe caps the loop steps of one pixel near 65,535 (a frame at 128x128 then takes
    about 1.4 s), so there a program never loops forever, only long on large frames."""
    loop = f"for (int i = 0; i < {bound}; i++) {{ v = fract(v * 1.618 + time); }}"
    return ("#version 330 core\nuniform vec2 resolution;\nuniform float time;\nout vec4 fragColor;\n"
            f"#define SLOW {loop}\n"
            "void main() { float v = gl_FragCoord.x / resolution.x;\n"
            f"  {' '.join(['SLOW'] * loops)}\n"
            "  fragColor = vec4(v, gl_FragCoord.y / resolution.y, 0.5, 1.0); }\n")


def test_a_program_that_loops_too_long_stops_the_render_naming_it(tmp_path):
    """The limit is the kernel's (SIGALRM in the worker), so it holds however loaded the machine is."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "slow.frag").write_text(_slow_program("60000 + int(time)", 1))  # about 6 s per frame at 256x256
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "render_shaders.py"), f"--out={tmp_path / 'out'}",
                          "--num_images=4", "--resolution=256", f"--shader_dir={mine}", "--generated_programs=0",
                          "--workers=1", "--program_seconds=2"], capture_output=True, text=True, cwd=ROOT, timeout=240,
                         check=False)
    assert run.returncode == 2, run.stderr
    line = run.stderr.strip().splitlines()[-1]
    assert line.startswith("error: shader program slow ran past the limit of 2 s per program"), line
    assert "raise --program_seconds" in line
    assert not (tmp_path / "out").exists() or not [f for f in os.listdir(tmp_path / "out") if f.endswith(".npz")]


def test_a_program_slow_only_in_its_frames_is_stopped_there_and_the_limit_is_checked():
    """Compiling draws at time 0 (no loop steps); at time 0.9 a 128x128 frame takes about 1.4 s."""
    slow = programs.Program("slow_frames", _slow_program("int(time * 60000.0)", 1))
    fast = programs.Program("fast", _slow_program("1", 1))
    with WorkerPool(1, lp_num_threads=1, extra_env=FAST_COMPILE, program_seconds=1) as pool:
        worker = pool.workers[0]
        worker.request("programs", {slow.name: slow.source, fast.name: fast.source})
        assert worker.request("compile", {"names": [slow.name, fast.name], "resolution": (128, 128)}) == {}
        fast_task = (fast.name, np.array([0.0], np.float32), np.zeros((1, 4), np.float32))
        reply = worker.request("render", {"resolution": (128, 128), "channels": 1, "filter": KEEP_ALL, "tasks": [fast_task]})
        assert reply[0][0] is None and reply[0][1].shape == (1, 128, 128, 1)  # a fast program runs under the limit
        slow_task = (slow.name, np.full(2, 0.9, np.float32), np.zeros((2, 4), np.float32))
        with pytest.raises(TfdfkdError, match="shader program slow_frames ran past the limit of 1 s per program"):
            worker.request("render", {"resolution": (128, 128), "channels": 1, "filter": KEEP_ALL, "tasks": [fast_task, slow_task]})
    with pytest.raises(TfdfkdError, match="must be positive"):
        WorkerPool(1, program_seconds=0)


def test_a_filter_that_drops_everything_gives_up_and_a_foreign_directory_is_refused(tmp_path):
    drop_all = filters.FilterConfig(max_top2_fraction=0.05)  # 8x8 grey at 16 levels: the top two colours cover >= 1/8
    with pytest.raises(TfdfkdError, match=f"dropped every one of the last {cache.EMPTY_SHARDS_LIMIT} shards"):
        cache.render_cache(str(tmp_path / "none"), **{**CACHE_ARGS, "filter_config": drop_all, "shard_frames": 8})
    with pytest.raises(TfdfkdError, match="exceeds the 16 colours"):
        cache.render_cache(str(tmp_path / "grey"), **{**CACHE_ARGS, "filter_config": filters.FilterConfig(min_colors=17)})
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("a user's file")
    with pytest.raises(TfdfkdError, match="holds files that are not a shader cache"):
        cache.render_cache(str(tmp_path / "mine"), **CACHE_ARGS)
    with pytest.raises(ValueError, match="max_top2_fraction"):
        filters.FilterConfig(max_top2_fraction=2.0)


def test_a_finished_cache_with_a_damaged_shard_renders_it_again(small_cache, tmp_path):
    directory, manifest = small_cache
    damaged = str(tmp_path / "damaged")
    shutil.copytree(directory, damaged)
    middle = os.path.join(damaged, manifest["shards"][1]["file"])
    with open(middle, "r+b") as f:
        f.seek(-100, os.SEEK_END)
        f.write(b"\x00\xff\x00")
    os.remove(os.path.join(damaged, manifest["shards"][-1]["file"]))
    with pytest.raises(TfdfkdError, match="run the same tools/render_shaders.py command again"):
        cache.load_images(damaged)
    repaired = cache.render_cache(damaged, **CACHE_ARGS)
    same = ("file", "count", "sha256")
    assert [{k: s[k] for k in same} for s in repaired["shards"]] == [{k: s[k] for k in same} for s in manifest["shards"]]
    np.testing.assert_array_equal(cache.load_images(damaged), cache.load_images(directory))


def test_render_refuses_a_file_as_out_and_stray_shards_without_a_manifest(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(TfdfkdError, match="is a file, not a directory"):
        cache.render_cache(str(tmp_path / "file"), **CACHE_ARGS)
    with pytest.raises(TfdfkdError, match="is a file, not a directory"):
        cache.render_cache(str(tmp_path / "file" / "below"), **CACHE_ARGS)
    (tmp_path / "stray").mkdir()
    (tmp_path / "stray" / "shard-00000.npz").write_text("a user's file")  # a cache writes its manifest first
    with pytest.raises(TfdfkdError, match="not a shader cache \\(shard-00000.npz\\)"):
        cache.render_cache(str(tmp_path / "stray"), **CACHE_ARGS)
    assert (tmp_path / "stray" / "shard-00000.npz").read_text() == "a user's file"


def test_large_frames_get_smaller_shards_and_a_non_utf8_program_is_skipped(tmp_path):
    library = tmp_path / "library" / "mine"
    library.mkdir(parents=True)
    good = next(p for p in programs.shipped_programs() if p.name.startswith("noise/"))
    (library / "good.frag").write_text(good.source)
    # Bytes that are not UTF-8: harmless in a comment, a compile error (skipped) in code.
    (library / "latin1.frag").write_bytes(b"#version 330 core\n// caf\xe9\nout vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n")
    (library / "latin1_code.frag").write_bytes(b"#version 330 core\nout vec4 fragColor;\nvoid main() { fragColor = vec4(\xe9); }\n")
    chosen = programs.shipped_programs(str(tmp_path / "library"))
    assert [p.name for p in chosen] == ["mine/good", "mine/latin1", "mine/latin1_code"]
    manifest = cache.render_cache(str(tmp_path / "big"), num_images=1, resolution=512, programs=chosen,
                                  frames_per_program=8, workers=1, verbose=False, filter_config=filters.FilterConfig(**KEEP_ALL))
    assert [item["name"] for item in manifest["failed_programs"]] == ["mine/latin1_code"]
    assert manifest["tasks_per_shard"] * 8 * 512 * 512 * 4 <= cache.SHARD_BYTES  # 256 frames, not SHARD_FRAMES' 4096
    assert cache.load_images(str(tmp_path / "big")).shape == (1, 512, 512, 1)


def test_a_worker_keeps_a_bounded_number_of_programs_and_redraws_released_ones_identically():
    chosen = [programs.Program(*generator.generate(seed)) for seed in range(4)]
    rng = np.random.default_rng(0)
    tasks = [(p.name, rng.uniform(0, 64, 4).astype(np.float32), rng.random((4, 4)).astype(np.float32)) for p in chosen]
    request = {"resolution": (8, 8), "channels": 3, "filter": KEEP_ALL}
    with WorkerPool(1, lp_num_threads=1, extra_env={**FAST_COMPILE, "TFDFKD_MAX_COMPILED_PROGRAMS": "2"}) as pool:
        worker = pool.workers[0]
        worker.request("programs", {p.name: p.source for p in chosen})
        assert worker.request("compile", {"names": [p.name for p in chosen], "resolution": (8, 8)}) == {}
        assert worker.request("status") == {"compiled": 2, "max_programs": 2}
        # the first program was released by the third; it is compiled again, and draws the same frames
        first, *_, again = worker.request("render", {**request, "tasks": tasks + tasks[:1]})
        assert worker.request("status")["compiled"] == 2
    assert first[0] is None and again[0] is None
    np.testing.assert_array_equal(first[1], again[1])
    assert first[1].std() > 0


def test_a_dead_worker_is_named_with_its_signal():
    with WorkerPool(1) as pool:
        worker = pool.workers[0]
        worker.process.kill()
        worker.process.wait()
        with pytest.raises(TfdfkdError, match="a render worker died \\(killed by SIGKILL\\)"):
            worker.request("programs", {})
