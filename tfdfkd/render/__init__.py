"""Rendering shader images for the shader synthesis method (Frank & Davis), without TensorFlow.

    from tfdfkd import render
    manifest = render.render_cache("runs/shaders32", num_images=25000, resolution=32, channels=1)
    images = render.cache.load_images("runs/shaders32", resolution=32, channels=1)  # uint8 (N, 32, 32, 1)

Modules: `programs` (the shipped GLSL library and the uniform contract), `generator` (new
programs from building blocks, seeded), `filters` (dropping constant and simple images),
`cache` (the sharded on-disk cache and its numpy reader), `pool` and `worker` (render
processes), `gl` (the moderngl context, loaded only inside a worker).

Nothing in this package imports TensorFlow, and the calling process never opens an OpenGL
context: TensorFlow segfaults when loaded into a process that holds a Mesa EGL context, so all
rendering happens in separate worker processes (`python -m tfdfkd.render.worker`).
"""

from tfdfkd.render import cache, filters, generator, programs
from tfdfkd.render.cache import load_images, read_manifest, render_cache
from tfdfkd.render.filters import FilterConfig, keep_mask
from tfdfkd.render.generator import generate
from tfdfkd.render.programs import Program, default_programs, shipped_programs

__all__ = ["FilterConfig", "Program", "cache", "default_programs", "filters", "generate", "generator", "keep_mask",
           "load_images", "programs", "read_manifest", "render_cache", "shipped_programs"]
