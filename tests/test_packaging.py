"""A wheel (what `pip install .` builds) is a working tfdfkd without the clone: it carries every
subpackage, the zoo's cards and weights and the GLSL programs, and finds them once installed."""

import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
import setuptools

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_INPUTS = ("setup.cfg", "pyproject.toml", "README.md", "tfdfkd", "zoo", "shaders")
SHIPPED = {"zoo": "tfdfkd/zoo_files", "shaders": "tfdfkd/shader_files"}


def _files_under(directory):
    return sorted(os.path.relpath(os.path.join(dirpath, name), directory)
                  for dirpath, _, names in os.walk(directory) for name in names)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in BUILD_INPUTS:  # a copy, so the build leaves nothing in the checkout
        copy = shutil.copytree if os.path.isdir(os.path.join(ROOT, name)) else shutil.copy
        copy(os.path.join(ROOT, name), source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "-w", str(out), str(source)], check=True, capture_output=True)
    (path,) = out.glob("tfdfkd-*.whl")
    return path


def test_setup_cfg_lists_every_subpackage():
    found = set(setuptools.find_packages(ROOT, include=["tfdfkd", "tfdfkd.*"]))
    from setuptools.config.setupcfg import read_configuration
    listed = set(read_configuration(os.path.join(ROOT, "setup.cfg"))["options"]["packages"])
    assert found <= listed, f"add these packages to setup.cfg's [options] packages: {sorted(found - listed)}"


def test_wheel_carries_the_zoo_and_the_shaders(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for directory, inside in SHIPPED.items():
        missing = [f for f in _files_under(os.path.join(ROOT, directory))
                   if f"{inside}/{f.replace(os.sep, '/')}" not in names]
        assert not missing, f"{directory}/ files not in the wheel (setup.cfg [options.package_data]): {missing}"


@pytest.mark.slow
def test_installed_wheel_loads_a_zoo_teacher_and_the_shader_library(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
                    "--target", str(target), str(wheel)], check=True, capture_output=True)
    probe = (
        "import json, numpy as np, tfdfkd\n"
        "from tfdfkd.io_utils import git_commit\n"
        "from tfdfkd.render import programs\n"
        "logits = tfdfkd.zoo.load('lenet5_digits')(np.zeros((1, 32, 32, 1), 'float32'))\n"
        "print(json.dumps({'package': tfdfkd.__file__, 'logits': list(logits.shape),\n"
        "                  'programs': len(programs.shipped_programs()), 'commit': git_commit()}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TFDFKD_ZOO_DIR"}
    env["PYTHONPATH"] = str(target)  # ahead of the editable install of the clone
    run = subprocess.run([sys.executable, "-c", probe], check=False, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["package"].startswith(str(target)), seen
    assert seen["logits"] == [1, 10]
    assert seen["programs"] == sum(f.endswith(".frag") for f in _files_under(os.path.join(ROOT, "shaders")))
    assert seen["commit"] == "tfdfkd-0.1.0 (installed, no checkout)"
