"""tools/distill.py and the other tools driven like a user, end to end on digits (the table of bad
inputs is test_bad_inputs.py)."""

import json
import os
import subprocess
import sys

import keras
import numpy as np
import pytest

from tfdfkd import zoo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = ["--teacher=lenet5_digits", "--num_samples=300", "--synth_batch_size=100", "--synth_iterations=30",
        "--synth_learning_rate=0.05", "--synth_clip", "--distill_epochs=2", "--distill_batch_size=100"]


def _read_json(path):
    with open(path) as f:
        return json.load(f)


def run_tool(*args, tool="distill.py", timeout=300, env=None):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ROOT, **(env or {})}
    return subprocess.run([sys.executable, os.path.join(ROOT, "tools", tool), *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("run") / "out")
    result = run_tool(*TINY, f"--out={out}")
    assert result.returncode == 0, result.stderr[-2000:]
    return out, result


def test_end_to_end_writes_the_contracted_outputs(finished_run):
    out, result = finished_run
    for name in ("student/saved_model.pb", "student.keras", "metrics.json", "samples.png", "config.json", "flags.txt",
                 "transfer_set/manifest.json"):
        assert os.path.exists(os.path.join(out, name)), name
    metrics = _read_json(os.path.join(out, "metrics.json"))
    for key in ("method", "num_samples", "teacher_accuracy", "student_accuracy", "synthesis_seconds", "distill_seconds", "command", "commit"):
        assert key in metrics, key
    assert metrics["num_samples"] == 300 and metrics["method"] == "zskd"
    assert metrics["teacher_accuracy"] > 0.95
    assert "student test accuracy" in result.stdout
    assert not os.path.exists(out + ".partial")
    assert os.listdir(os.path.join(out, "tensorboard", "distill"))


def test_a_finished_run_publishes_its_student_as_a_zoo_entry(finished_run, tmp_path, digits_test):
    """tools/zoo_from_run.py: weights and card that tfdfkd.zoo loads and re-measures; a wrong
    architecture or an existing entry is refused with nothing written."""
    from tfdfkd import distill

    out, _ = finished_run
    args = [f"--run={out}", "--name=lenet5_half_tiny_digits", f"--zoo_dir={tmp_path}"]
    wrong = run_tool(*args, "--architecture=lenet5", tool="zoo_from_run.py")
    assert wrong.returncode == 2 and "is not a lenet5" in wrong.stderr and not os.listdir(tmp_path)
    result = run_tool(*args, "--architecture=lenet5_half", tool="zoo_from_run.py")
    assert result.returncode == 0, result.stderr[-2000:]
    card, metrics = zoo.card("lenet5_half_tiny_digits", str(tmp_path)), _read_json(os.path.join(out, "metrics.json"))
    model = zoo.load("lenet5_half_tiny_digits", str(tmp_path))
    assert card["test_accuracy"] == pytest.approx(distill.accuracy(model, digits_test.images, digits_test.labels))
    assert card["test_accuracy"] == pytest.approx(metrics["student_accuracy"], abs=1e-3)
    assert card["train_examples"] == 0 and card["command"] == metrics["command"] and card["dataset"] == "digits"
    again = run_tool(*args, "--architecture=lenet5_half", tool="zoo_from_run.py")
    assert again.returncode == 2 and "exists" in again.stderr
    plain = run_tool(f"--run={out}", "--name=tiny_plain", f"--zoo_dir={tmp_path}", "--architecture=lenet5_half", "--interleaved",
                     tool="zoo_from_run.py")  # a run without interleaved synthesis has no interleaved student
    assert plain.returncode == 2 and "interleaved_student.keras" in plain.stderr

    interleaved_out = str(tmp_path / "interleaved_run")
    run = run_tool(*TINY, "--interleave", "--interleave_steps=2", f"--out={interleaved_out}")
    assert run.returncode == 0, run.stderr[-2000:]
    published = run_tool(f"--run={interleaved_out}", "--name=tiny_interleaved", f"--zoo_dir={tmp_path}", "--architecture=lenet5_half",
                         "--interleaved", tool="zoo_from_run.py")
    assert published.returncode == 0, published.stderr[-2000:]
    card = zoo.card("tiny_interleaved", str(tmp_path))
    recorded = _read_json(os.path.join(interleaved_out, "metrics.json"))["interleaved_student_accuracy"]
    assert card["test_accuracy"] == pytest.approx(recorded, abs=1e-3)
    assert card["recipe"]["published_student"] == "interleaved_student.keras" and "interleaved synthesis" in card["recipe"]["how"]
    # its distillation ran inside synthesis: the run's final distillation is kept apart, not credited to it
    final = _read_json(os.path.join(interleaved_out, "metrics.json"))["distill_seconds"]
    assert card["recipe"]["distill_seconds"] == 0.0 and card["recipe"]["run_final_distill_seconds"] == final


def test_saved_model_in_a_fresh_process_matches_the_keras_student(finished_run):
    out, _ = finished_run
    script = f"""
import numpy as np, tensorflow as tf, keras
from tfdfkd import data
x = data.load('digits', 'test').images[:64]
served = tf.saved_model.load({os.path.join(out, 'student')!r}).signatures['serving_default']
(logits,) = served(tf.constant(x)).values()
expected = keras.models.load_model({os.path.join(out, 'student.keras')!r})(x)
print(float(np.abs(logits.numpy() - np.asarray(expected)).max()))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": ROOT, "TF_CPP_MIN_LOG_LEVEL": "3"}, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert float(result.stdout.strip().splitlines()[-1]) < 1e-4


def test_rerunning_a_finished_command_reports_it_without_recomputing(finished_run):
    out, _ = finished_run
    before = os.path.getmtime(os.path.join(out, "metrics.json"))
    result = run_tool(*TINY, f"--out={out}")
    assert result.returncode == 0 and "student test accuracy" in result.stdout
    spelled_otherwise = run_tool(*TINY, f"--out={os.path.relpath(out, ROOT)}/")  # the same directory
    assert spelled_otherwise.returncode == 0, spelled_otherwise.stderr[-500:]
    assert os.path.getmtime(os.path.join(out, "metrics.json")) == before


def _saved_model_student(path):
    zoo.load("lenet5_digits").export(path, verbose=False)


def _existing_dir(path):
    os.makedirs(path)
    with open(os.path.join(path, "notes.txt"), "w") as f:
        f.write("mine")


def _text_file(path):
    with open(path, "w") as f:
        f.write("not a model\n")


DIGITS = "--teacher=lenet5_digits"


def test_out_that_belongs_to_something_else_is_refused(tmp_path):
    out = str(tmp_path / "out")
    _existing_dir(out)
    result = run_tool(*TINY, f"--out={out}")
    assert result.returncode == 2 and "is not a finished run of this command" in result.stderr
    assert os.listdir(out) == ["notes.txt"]
    _text_file(str(tmp_path / "file"))
    result = run_tool(*TINY, f"--out={tmp_path / 'file'}")
    assert result.returncode == 2 and "is a file. Fix: choose a new --out, or delete that file" in result.stderr.splitlines()[-1]
    (tmp_path / "cut.partial").mkdir()
    (tmp_path / "cut.partial" / "config.json").write_text('{"teacher": "lenet5_dig')  # cut short by a full disk
    result = run_tool(*TINY, f"--out={tmp_path / 'cut'}")
    assert result.returncode == 2 and "holds an unfinished run with other settings" in result.stderr.splitlines()[-1]


def test_saved_model_teacher_and_the_default_strategy_run_end_to_end(tmp_path):
    """A SavedModel teacher under the default MirroredStrategy (it was loaded in the strategy's
    scope and failed in the replica's context), and --strategy=default (the distiller was not
    built when the backup restored into it), each resuming a staging directory that a kill left
    before it recorded its settings."""
    teacher = str(tmp_path / "teacher")
    _saved_model_student(teacher)
    tiny = ["--eval_dataset=digits", "--num_samples=100", "--synth_batch_size=100", "--synth_iterations=2",
            "--distill_epochs=1", "--distill_batch_size=100"]
    for name, args in (("saved_model", [f"--teacher={teacher}", "--method=class_impressions"]),
                       ("default_strategy", [DIGITS, "--strategy=default"])):
        out = tmp_path / name
        (tmp_path / f"{name}.partial").mkdir()
        (tmp_path / f"{name}.partial" / "flags.txt").write_text("--teacher=killed before config.json\n")
        result = run_tool(*args, *tiny, f"--out={out}")
        assert result.returncode == 0, (name, result.stderr[-1500:])
        metrics = _read_json(out / "metrics.json")
        assert metrics["teacher_accuracy"] > 0.95 and metrics["student_accuracy"] is not None
        assert (out / "student" / "saved_model.pb").exists()


def test_quick_deepinversion_flagfile_runs(tmp_path):
    out = str(tmp_path / "di")
    result = run_tool("--flagfile=tools/flags/deepinversion_digits_quick.flags", f"--out={out}")
    assert result.returncode == 0, result.stderr[-2000:]
    metrics = _read_json(os.path.join(out, "metrics.json"))
    assert metrics["method"] == "deepinversion" and metrics["num_samples"] == 200
    assert metrics["teacher"] == "lenet5_bn_digits" and 0.0 <= metrics["student_accuracy"] <= 1.0
    from tfdfkd import teacher
    from tfdfkd.transfer_set import TransferSet

    images, targets = TransferSet(os.path.join(out, "transfer_set")).shard(0)
    predicted = np.argmax(teacher.load("lenet5_bn_digits").logits_model(images), -1)
    assert np.mean(predicted == np.argmax(targets, -1)) > 0.8  # the teacher sees the classes it was asked for


def test_redistill_trains_a_fresh_student_on_a_stored_transfer_set(finished_run, tmp_path):
    out, _ = finished_run
    record_path = str(tmp_path / "record.json")
    # the set twice, joined (as two synthesis rounds would be), with disagreement copies
    args = [f"--transfer_set={out},{out}/transfer_set", "--teacher=lenet5_digits", "--distill_epochs=2", "--distill_batch_size=100",
            "--distill_mixup=1.0", "--distill_disagreement_eps=0.03"]
    result = run_tool(*args, f"--out={record_path}", tool="redistill.py")
    assert result.returncode == 0, result.stderr[-2000:]
    record = _read_json(record_path)
    assert record["method"] == "zskd" and record["num_samples"] == 600 and record["eval_dataset"] == "digits"
    assert 0.0 <= record["student_accuracy"] <= 1.0 and record["teacher_accuracy"] > 0.9
    assert record["config"]["distill_disagreement_eps"] == 0.03
    assert record["config"]["distill_mixup"] == 1.0 and record["command"].startswith("python tools/redistill.py")
    assert record["synthesis_seconds"] == pytest.approx(2 * _read_json(os.path.join(out, "metrics.json"))["synthesis_seconds"], abs=0.12)

    again = run_tool(*args, f"--out={record_path}", tool="redistill.py")  # never overwrites a record
    assert again.returncode == 2 and "exists" in again.stderr.strip().splitlines()[-1]
    missing = run_tool("--transfer_set=" + str(tmp_path / "none"), "--teacher=lenet5_digits", f"--out={tmp_path / 'r.json'}",
                       tool="redistill.py")
    assert missing.returncode == 2 and "holds no transfer set" in missing.stderr.strip().splitlines()[-1]
    assert not os.path.exists(tmp_path / "r.json")


def test_soup_averages_students_distilled_from_one_start(finished_run, tmp_path):
    """tools/redistill.py --save_student keeps its student; tools/soup.py averages such students
    and a run's own into one whose weights are the members' mean, and refuses what it cannot soup."""
    from tfdfkd import data, distill
    out, _ = finished_run
    members = []
    for seed in (1, 2):
        record_path, student_path = str(tmp_path / f"seed{seed}.json"), str(tmp_path / f"seed{seed}.keras")
        result = run_tool(f"--transfer_set={out}", "--teacher=lenet5_digits", f"--student={out}/student.keras", "--distill_epochs=1",
                          "--distill_batch_size=100", f"--seed={seed}", f"--out={record_path}", f"--save_student={student_path}",
                          tool="redistill.py")
        assert result.returncode == 0, result.stderr[-2000:]
        assert _read_json(record_path)["student_file"] == student_path
        members.append(record_path)
    soup_path, soup_student = str(tmp_path / "soup.json"), str(tmp_path / "soup.keras")
    result = run_tool(f"--members={out},{','.join(members)}", f"--out={soup_path}", f"--save_student={soup_student}", tool="soup.py")
    assert result.returncode == 0, result.stderr[-2000:]
    record = _read_json(soup_path)
    students = [keras.models.load_model(p) for p in (f"{out}/student.keras", str(tmp_path / "seed1.keras"), str(tmp_path / "seed2.keras"))]
    souped = keras.models.load_model(soup_student)
    for k, weight in enumerate(souped.get_weights()):
        np.testing.assert_allclose(weight, np.mean([s.get_weights()[k] for s in students], axis=0), rtol=1e-5, atol=1e-7)
    test = data.load("digits", "test")
    assert record["student_accuracy"] == pytest.approx(distill.accuracy(souped, test.images, test.labels))
    assert [m["student_accuracy"] for m in record["members"]] == pytest.approx(
        [distill.accuracy(s, test.images, test.labels) for s in students])
    assert record["method"] == "zskd" and record["num_samples"] == 300 and [m["seed"] for m in record["members"]][1:] == [1, 2]

    plain = str(tmp_path / "plain.json")  # a redistill record that kept no student
    assert run_tool(f"--transfer_set={out}", "--teacher=lenet5_digits", "--distill_epochs=1", f"--out={plain}",
                    tool="redistill.py").returncode == 0
    for args, message in ((f"--members={out},{plain}", "keeps no student"), (f"--members={out}", "at least 2"),
                          (f"--members={out},{members[0]}", "exists")):
        refused = run_tool(args, f"--out={soup_path if message == 'exists' else tmp_path / 'no.json'}", tool="soup.py")
        assert refused.returncode == 2 and message in refused.stderr.strip().splitlines()[-1], refused.stderr[-500:]
    assert not os.path.exists(tmp_path / "no.json")


def test_train_teacher_with_input_noise_writes_a_card_that_says_so(tmp_path):
    result = run_tool("--name=noisy_digits", "--architecture=lenet5_bn", "--dataset=digits", "--epochs=2", "--batch_size=64",
                      "--noise_std=0.3", "--seed=0", f"--zoo_dir={tmp_path}", tool="train_teacher.py")
    assert result.returncode == 0, result.stderr[-2000:]
    card = _read_json(tmp_path / "noisy_digits.json")
    assert card["recipe"]["augmentation"] == "Gaussian pixel noise, std 0.3, clipped to [0, 1]"
    assert "BatchNormalization" in card["architecture_note"]  # not in the paper's table: the card says so
    assert zoo.load("noisy_digits", str(tmp_path)).count_params() == card["parameters"]


def test_train_teacher_refuses_to_resume_the_backup_of_another_recipe(tmp_path):
    backup = tmp_path / "work" / "backup"  # what a run killed with --epochs=5 left
    backup.mkdir(parents=True)
    (backup / "training_metadata.json").write_text(json.dumps({"epoch": 3, "batch": 0, "weights": "epoch-000003-batch-000000.weights.h5",
                                                               "settings": {"epochs": 5}}))
    result = run_tool("--name=digits_teacher", "--dataset=digits", "--epochs=2", f"--work_dir={tmp_path / 'work'}",
                      f"--zoo_dir={tmp_path}", tool="train_teacher.py")
    assert result.returncode == 2 and "holds the backup of a run with other settings" in result.stderr.splitlines()[-1]
    assert "epochs" in result.stderr.splitlines()[-1] and not os.path.exists(tmp_path / "digits_teacher.json")


def test_train_teacher_refuses_a_negative_noise_std(tmp_path):
    result = run_tool("--name=noisy_digits", "--dataset=digits", "--noise_std=-0.1", f"--zoo_dir={tmp_path}", tool="train_teacher.py")
    assert result.returncode != 0
    assert "noise_std" in result.stderr and not os.listdir(tmp_path)


@pytest.mark.parametrize("args, message", [
    (["--learning_rate=-1"], "--learning_rate is -1.0"),
    (["--epochs=0"], "--epochs=0: 0 is not a positive integer"),
    (["--validation_examples=100000"], "leaves no training images"),
    (["--name=lenet5_digits", "--zoo_dir={zoo}"], "already has an entry 'lenet5_digits'"),
    (["--zoo_dir={file}"], "is a file, not a directory"),
])
def test_train_teacher_refuses_bad_settings_and_never_replaces_an_entry(tmp_path, args, message):
    import shutil

    zoo_copy = tmp_path / "zoo"
    zoo_copy.mkdir()
    for suffix in (".json", ".weights.h5"):
        shutil.copy(os.path.join(zoo.ZOO_DIR, "lenet5_digits" + suffix), zoo_copy)
    (tmp_path / "file").write_text("x")
    before = sorted(os.listdir(zoo_copy)), (zoo_copy / "lenet5_digits.json").read_text()
    args = [a.format(zoo=zoo_copy, file=tmp_path / "file") for a in args]
    defaults = ["--name=new_digits", f"--zoo_dir={zoo_copy}", "--dataset=digits", "--epochs=1", f"--work_dir={tmp_path / 'w'}"]
    result = run_tool(*defaults, *args, tool="train_teacher.py")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and message in lines[-1] and "Fix:" in lines[-1], lines[-3:]
    assert (sorted(os.listdir(zoo_copy)), (zoo_copy / "lenet5_digits.json").read_text()) == before
    assert not (tmp_path / "w").exists()


def test_robustness_measures_a_runs_teacher_and_student(finished_run, tmp_path):
    out, _ = finished_run
    record_path = str(tmp_path / "robustness.json")
    result = run_tool(f"--run={out}", "--eps=0.1", "--iterations=3", f"--out={record_path}", tool="robustness.py")
    assert result.returncode == 0, result.stderr[-2000:]
    record, metrics = _read_json(record_path), _read_json(os.path.join(out, "metrics.json"))
    for key in ("method", "num_samples", "teacher_accuracy", "student_accuracy"):
        assert record[key] == metrics[key], key
    for role in ("teacher", "student"):
        figures = record[f"{role}_robustness"]
        assert figures["natural_accuracy"] == pytest.approx(metrics[f"{role}_accuracy"], abs=1e-3)
        assert figures["eps"] == 0.1 and figures["iterations"] == 3 and figures["examples"] == 360
        assert set(figures) >= {"fgsm", "ifgsm", "pgd"}
    assert record["teacher_robustness"]["pgd"]["accuracy"] < record["teacher_robustness"]["natural_accuracy"]

    again = run_tool(f"--run={out}", f"--out={record_path}", tool="robustness.py")  # never overwrites a record
    assert again.returncode == 2 and "exists" in again.stderr.strip().splitlines()[-1]
    unfinished = run_tool(f"--run={tmp_path}", f"--out={tmp_path / 'r.json'}", tool="robustness.py")
    assert unfinished.returncode == 2 and "not a finished" in unfinished.stderr.strip().splitlines()[-1]
    assert not os.path.exists(tmp_path / "r.json")


def test_train_teacher_with_pgd_records_the_recipe_and_the_robustness_it_bought(tmp_path):
    result = run_tool("--name=robust_digits", "--dataset=digits", "--epochs=2", "--batch_size=64", "--adversarial_eps=0.1",
                      "--adversarial_iterations=2", "--seed=0", f"--zoo_dir={tmp_path}", tool="train_teacher.py")
    assert result.returncode == 0, result.stderr[-2000:]
    card = _read_json(tmp_path / "robust_digits.json")
    assert card["recipe"]["adversarial_training"]["eps"] == 0.1 and card["recipe"]["adversarial_training"]["iterations"] == 2
    assert card["robustness"]["natural_accuracy"] == pytest.approx(card["test_accuracy"], abs=1e-3)
    assert zoo.load("robust_digits", str(tmp_path)).count_params() == card["parameters"]  # the classifier, not the wrapper


def test_uap_tool_refuses_an_eval_set_its_teacher_cannot_take(tmp_path):
    inputs = keras.Input((32, 32, 3))
    path = str(tmp_path / "rgb.keras")
    keras.Model(inputs, keras.layers.Dense(10)(keras.layers.Flatten()(inputs))).save(path)
    result = run_tool(f"--teacher={path}", "--images=noise", "--eval_dataset=digits", "--steps=1", f"--out={tmp_path / 'uap.json'}",
                      tool="uap.py")
    assert result.returncode == 2 and "the teacher takes (32, 32, 3)" in result.stderr.splitlines()[-1]
    assert not os.path.exists(tmp_path / "uap.json")


def test_uap_tool_writes_one_record_and_never_overwrites_it(tmp_path):
    out = str(tmp_path / "uap.json")
    args = ["--teacher=lenet5_digits", "--images=digits", "--eps=0.2", "--steps=20", "--samples=2", f"--out={out}"]
    result = run_tool(*args, tool="uap.py")
    assert result.returncode == 0, result.stderr[-2000:]
    with open(out) as f:
        record = json.load(f)
    assert record["method"] == "uap" and record["eval_dataset"] == "digits" and record["num_samples"] == 1437
    assert len(record["fooling_rates"]) == 2 and 0.0 <= record["fooling_rate_mean"] <= record["fooling_rate_best"] <= 1.0
    assert record["teacher_accuracy"] > 0.9 and record["command"].startswith("python tools/uap.py")
    again = run_tool(*args, tool="uap.py")
    assert again.returncode == 2 and "exists" in again.stderr.strip().splitlines()[-1]
    bad = run_tool("--teacher=lenet5_digits", "--images=/no/such/dir", f"--out={tmp_path / 'b.json'}", tool="uap.py")
    assert bad.returncode == 2 and not os.path.exists(tmp_path / "b.json")


def test_train_teacher_resumes_after_a_kill_and_logs_to_tensorboard(tmp_path):
    import signal
    import time

    args = [os.path.join(ROOT, "tools", "train_teacher.py"), "--name=resumed_digits", "--dataset=digits", "--epochs=6",
            "--batch_size=64", "--seed=0", f"--zoo_dir={tmp_path}", f"--work_dir={tmp_path / 'work'}"]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ROOT}
    metadata = tmp_path / "work" / "backup" / "training_metadata.json"
    first = subprocess.Popen([sys.executable, *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while not (metadata.exists() and _read_json(metadata)["epoch"] >= 1) and first.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert not (tmp_path / "resumed_digits.json").exists(), "killed too late: the first run finished"
    second = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert second.returncode == 0, second.stderr[-2000:]
    output = second.stdout + second.stderr
    assert "Epoch 6/6" in output and "Epoch 1/6" not in output  # it went on from the backup
    assert zoo.card("resumed_digits", str(tmp_path))["test_accuracy"] > 0.5
    assert not (tmp_path / "work" / "backup").exists()  # removed once training ended
    assert any(name.startswith("events.out") for _, _, names in os.walk(tmp_path / "work" / "tensorboard") for name in names)


def test_sigterm_stops_like_ctrl_c_and_keeps_finished_work(tmp_path):
    import signal
    import time

    out = str(tmp_path / "out")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ROOT}
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "tools", "distill.py"), *TINY, "--distill_epochs=200",
                                f"--out={out}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.time() + 240
    while not os.path.exists(os.path.join(out + ".partial", "backup")) and time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, stderr[-1500:]
    assert stderr.strip().splitlines()[-1].startswith("terminated: finished work is kept")
    assert os.path.exists(os.path.join(out + ".partial", "transfer_set", "manifest.json")) and not os.path.exists(out)


def test_tools_that_read_a_transfer_set_refuse_an_unfinished_or_damaged_one(finished_run, tmp_path):
    """redistill and every --images/--proxy reader (prune, adapt, uap, DeGAN) read only a finished
    set's listed shards, each checked against its sha256 (a cut shard was a tf.data traceback in
    redistill and a BadZipFile in the others; a writer's temporary was read as more images)."""
    import shutil

    from tfdfkd import proxy

    out, _ = finished_run
    good = tmp_path / "good"
    shutil.copytree(os.path.join(out, "transfer_set"), good)
    (good / ".tmp-99999-shard-00001.npz").write_bytes((good / "shard-00000.npz").read_bytes())  # a killed writer's
    assert len(proxy.load(str(good), (32, 32, 1))) == 300
    unfinished, damaged = tmp_path / "unfinished", tmp_path / "damaged"
    shutil.copytree(good, unfinished)
    manifest = _read_json(unfinished / "manifest.json")
    (unfinished / "manifest.json").write_text(json.dumps({**manifest, "complete": False}))
    shutil.copytree(good, damaged)
    shard = damaged / manifest["shards"][0]["file"]
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    for directory, message in ((unfinished, "is unfinished"), (damaged, "is missing or damaged")):
        with pytest.raises(Exception, match=message):
            proxy.load(str(directory), (32, 32, 1))
        result = run_tool(f"--transfer_set={directory}", "--teacher=lenet5_digits", "--distill_epochs=1",
                          f"--out={tmp_path / 'record.json'}", tool="redistill.py")
        assert result.returncode == 2 and message in result.stderr.splitlines()[-1], result.stderr[-800:]
    assert not (tmp_path / "record.json").exists()


def test_incremental_and_benchmarks_refuse_where_they_cannot_write_before_any_work(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "precious.txt").write_text("a user's file")
    result = run_tool(f"--work_dir={tmp_path / 'mine'}", f"--out={tmp_path / 'record.json'}", tool="incremental.py")
    assert result.returncode == 2 and "holds files of no incremental run (precious.txt)" in result.stderr.splitlines()[-1]
    assert os.listdir(tmp_path / "mine") == ["precious.txt"]
    bench = run_tool(f"--out={tmp_path / 'mine'}", "--teacher=lenet5_digits", tool="bench_synthesis.py")
    assert bench.returncode == 2 and "is a directory" in bench.stderr.splitlines()[-1]
