"""tools/distill.py fed bad input, like a user would: each case gives a one-line error naming the
fix, exit status 2, and writes nothing (no --out, no staging directory, nothing beside the input).

Its own file, so that its subprocess cases do not lengthen test_cli.py.
"""

import os

import pytest

from test_cli import DIGITS, _saved_model_student, _text_file, run_tool
from tfdfkd import zoo


def _no_dense_teacher(path):
    import keras

    inputs = keras.Input((32, 32, 1))
    keras.Model(inputs, keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(10, 3)(inputs))).save(path)


def _rgb_student(path):
    from tfdfkd import models

    models.build("lenet5_half", (32, 32, 3)).save(path)


def _truncated_keras(path):
    zoo.load("lenet5_digits").save(path)
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)


def _corrupt_keras(path):
    with open(path, "wb") as f:
        f.write(b"PK\x03\x04 this is not a keras archive")


def _flagfile_with_garbage(path):
    with open(path, "w") as f:
        f.write("--teacher=lenet5_digits\nnum_samples 300\n")


def _saved_module_without_signatures(path):
    import tensorflow as tf

    module = tf.Module()
    module.v = tf.Variable(1.0)
    tf.saved_model.save(module, path)  # no tf.function, so no signature at all


def _corrupt_saved_model(path):
    os.makedirs(path)
    with open(os.path.join(path, "saved_model.pb"), "wb") as f:
        f.write(b"this is not a protocol buffer")


def _vector_teacher(path):
    import keras

    inputs = keras.Input((16,))
    keras.Model(inputs, keras.layers.Dense(10)(inputs)).save(path)


def _integer_teacher(path):
    import keras

    inputs = keras.Input((32, 32, 1), dtype="int32")
    keras.Model(inputs, keras.layers.Dense(10)(keras.layers.Flatten()(inputs))).save(path)


def _three_class_model(path):
    import keras

    inputs = keras.Input((32, 32, 1))
    keras.Model(inputs, keras.layers.Dense(3)(keras.layers.Flatten()(inputs))).save(path)


def _rgb_16x16_shader_cache(path):
    from tfdfkd import render

    render.render_cache(path, 40, resolution=16, channels=3, seed=0, programs=render.shipped_programs()[:4], workers=1,
                        shard_frames=64, verbose=False)


def _unset_tf_config(path):
    return {"TF_CONFIG": ""}


def _tf_config_not_json(path):
    return {"TF_CONFIG": "{'cluster': {'worker': ['127.0.0.1:1']}}"}  # single quotes: not JSON


# (name, file name under tmp_path as {path}, how to prepare it (may return environment variables),
#  arguments, text the one-line error must contain)
BAD_INPUTS = [
    # missing or corrupt files
    ("missing teacher", "teacher.keras", None, ["--teacher={path}"], "does not exist"),
    ("corrupt teacher file", "teacher.keras", _corrupt_keras, ["--teacher={path}"], "is not a .keras archive"),
    ("truncated teacher file", "teacher.keras", _truncated_keras, ["--teacher={path}"], "is not a .keras archive (truncated"),
    ("SavedModel student", "student", _saved_model_student, [DIGITS, "--student={path}"], "keeps no trainable Keras layers"),
    ("teacher file of unknown format", "teacher.txt", _text_file, ["--teacher={path}"], "neither a .keras"),
    ("corrupt SavedModel", "teacher", _corrupt_saved_model, ["--teacher={path}"], "cannot load SavedModel"),
    ("SavedModel without a signature", "teacher", _saved_module_without_signatures, ["--teacher={path}"],
     "no 'serving_default' signature"),
    ("missing flagfile", "run.flags", None, ["--flagfile={path}"], "Unable to open flagfile"),
    ("flagfile line that does not parse", "run.flags", _flagfile_with_garbage, ["--flagfile={path}"], "flagfile line must start with --"),
    # wrong shapes, dtypes, class counts
    ("teacher without final Dense", "teacher.keras", _no_dense_teacher, ["--teacher={path}"], "no final Dense layer"),
    ("teacher that does not take images", "teacher.keras", _vector_teacher, ["--teacher={path}"], "not images (N, H, W, C)"),
    ("teacher with integer input", "teacher.keras", _integer_teacher, ["--teacher={path}"], "takes int32 images"),
    ("student with other input shape", "student.keras", _rgb_student, [DIGITS, "--student={path}"], "input shape"),
    ("student with other class count", "student.keras", _three_class_model, [DIGITS, "--student={path}"],
     "student has 3 classes, the teacher 10"),
    ("eval dataset with other class count", "teacher.keras", _three_class_model, ["--teacher={path}", "--eval_dataset=digits"],
     "has 10 classes, the teacher 3"),
    # unknown names, flags and values
    ("unknown flag", None, None, [DIGITS, "--no_such_flag=1"], "Unknown command line flag"),
    ("missing required flag", None, None, ["--num_samples=10"], "--teacher must have a value"),
    ("unknown student name", None, None, [DIGITS, "--student=lenet9"], "unknown student 'lenet9'"),
    ("flag value of the wrong type", None, None, [DIGITS, "--num_samples=many"], "invalid literal for int()"),
    ("size that is not positive", None, None, [DIGITS, "--distill_batch_size=0"], "--distill_batch_size is 0"),
    ("negative mixup", None, None, [DIGITS, "--distill_mixup=-1"], "--distill_mixup is -1.0"),
    ("temperature that is not positive", None, None, [DIGITS, "--distill_tau=0"], "--distill_tau is 0.0"),
    ("momentum outside [0, 1)", None, None, [DIGITS, "--distill_optimizer=sgd", "--distill_momentum=-3"], "--distill_momentum is -3.0"),
    ("negative seed", None, None, [DIGITS, "--seed=-1"], "--seed is -1"),
    ("no synthesis iterations", None, None, [DIGITS, "--synth_iterations=0"], "--synth_iterations is 0"),
    ("negative Dirichlet betas", None, None, [DIGITS, "--synth_betas=1.0,-1"], "each must be a positive Dirichlet concentration"),
    ("no distillation for a method that does not interleave", None, None, [DIGITS, "--distill_epochs=0"],
     "--distill_epochs is 0, and zskd does not train the student while it synthesizes"),
    ("interleave for a method that feeds its own batches", None, None, [DIGITS, "--method=degan", "--proxy=digits", "--interleave"],
     "--interleave is for methods distilled on their stored images"),
    ("mixup for a method that feeds its own batches", None, None, [DIGITS, "--method=degan", "--proxy=digits", "--distill_mixup=1"],
     "--distill_mixup is for methods distilled on their stored images"),
    ("disagreement copies for a method with its own distillation step", None, None,
     [DIGITS, "--method=degan", "--proxy=digits", "--distill_disagreement_eps=0.03"], "--distill_disagreement_eps is for methods"),
    ("betas that are not numbers", None, None, [DIGITS, "--synth_betas=1.0,high"], "is not a list of numbers"),
    ("unknown method", None, None, [DIGITS, "--method=magic"], "unknown synthesis method"),
    ("unknown zoo name", None, None, ["--teacher=lenet6_digits"], "no zoo entry"),
    ("deepinversion on a teacher without BN", None, None, [DIGITS, "--method=deepinversion"], "no BatchNormalization layer"),
    ("unknown synthesis setting", None, None, [DIGITS, "--method=deepdream", "--synth_settings=colour=1"], "bad synthesis setting"),
    ("synthesis setting of the wrong type", None, None, [DIGITS, "--method=deepdream", "--synth_settings=jitter=two"],
     "is not a valid int"),
    ("shader cache of another resolution", "cache", _rgb_16x16_shader_cache, [DIGITS, "--method=shaders",
                                                                           "--synth_settings=cache={path}"],
     "the teacher needs 32x32 grey"),
    ("missing shader cache", None, None, [DIGITS, "--method=shaders", "--synth_settings=cache={path}/none"], "no shader cache"),
    # proxy images (DeGAN and its baselines)
    ("empty proxy directory", "proxy", os.makedirs, [DIGITS, "--method=degan", "--proxy={path}"], "holds no images"),
    ("unknown proxy name", None, None, [DIGITS, "--method=proxy", "--proxy=cifar100"], "unknown proxy source"),
    ("bad proxy class ids", None, None, [DIGITS, "--method=dcgan", "--proxy=fashion_mnist:0,12"], "outside fashion_mnist's classes"),
    # where the output goes (tests run as root, for whom chmod does not make a directory read-only:
    # the --out here lies under a regular file, which no user can create a directory in)
    ("output under a regular file", "a_file", _text_file, [DIGITS, "--out={path}/runs/out"], "is a file, not a directory"),
    # multi-worker configuration
    ("multi_worker without TF_CONFIG", None, _unset_tf_config, [DIGITS, "--strategy=multi_worker"], "needs TF_CONFIG"),
    ("TF_CONFIG that is not JSON", None, _tf_config_not_json, [DIGITS, "--strategy=multi_worker"], "TF_CONFIG is not valid JSON"),
    # (the other malformed TF_CONFIGs are checked in-process in test_strategy.py)
    # numbers that go bad during the run: the staging directory goes too
    ("NaN during synthesis", None, None, [DIGITS, "--synth_tau=1e-45", "--synth_iterations=3", "--num_samples=100"], "NaN"),
    ("NaN during distillation", None, None, [DIGITS, "--num_samples=100", "--synth_iterations=2", "--distill_epochs=2",
                                             "--distill_batch_size=50", "--distill_learning_rate=1e30"],
     "the distillation loss became NaN/Inf"),
]


@pytest.mark.parametrize("name, filename, prepare, args, message", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_line_error_and_no_output(tmp_path, name, filename, prepare, args, message):
    path = str(tmp_path / (filename or "unused"))
    env = (prepare(path) if prepare else None) or {}
    args = [a.format(path=path) for a in args]
    out = next((a.split("=", 1)[1] for a in args if a.startswith("--out=")), None)
    if out is None:
        out = str(tmp_path / "out")
        args.append(f"--out={out}")
    result = run_tool(*args, timeout=180, env=env)
    assert result.returncode == 2, (result.returncode, result.stderr[-1500:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("error: ") and message in lines[-1] and "Fix:" in lines[-1], lines[-3:]
    assert not os.path.exists(out) and not os.path.exists(out + ".partial")
    assert set(os.listdir(tmp_path)) <= {filename}  # nothing else was written next to the input


def test_the_tools_settings_are_checked_without_tensorflow():
    """The configs that tools/prune.py, adapt.py and incremental.py check first, and the method names
    that tools/distill.py checks first, import no TensorFlow or Keras, so a bad number or method is
    refused in a fraction of a second, before anything loads."""
    import subprocess
    import sys

    script = ("import sys; import tfdfkd.checks, tfdfkd.pruning_config, tfdfkd.adaptation_config, tfdfkd.incremental_config, "
              "tfdfkd.corruptions, tfdfkd.io_utils, tfdfkd.method_names; print(sorted({'tensorflow', 'keras'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True,
                            env={**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(__file__)))})
    assert result.stdout.strip() == "[]"


def test_the_method_names_checked_without_tensorflow_are_the_registered_methods():
    from tfdfkd import method_names, synthesis

    assert sorted(method_names.METHODS) == sorted(synthesis.REGISTRY)
