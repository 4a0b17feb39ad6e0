"""DeGAN and its baselines (tfdfkd.synthesis.degan), proxy sources (tfdfkd.proxy), and
tools/distill.py end to end on the quick digits flagfile. GANs here are 8 filters wide and train
tens of steps: they check behaviour, not image quality."""

import json
import os
import subprocess
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfdfkd import models, proxy, synthesis
from tfdfkd.errors import TfdfkdError
from tfdfkd.synthesis.degan import discriminator_loss, generator_loss

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = {"proxy": "digits", "batch_size": 32, "generator_width": 8, "discriminator_width": 8, "histogram_samples": 500}


def _softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def test_losses_equal_the_papers_formulas_on_fixed_tensors():
    rng = np.random.default_rng(0)
    d_fake, d_real = rng.normal(size=6).astype(np.float32), rng.normal(size=6).astype(np.float32)
    teacher_logits = rng.normal(size=(6, 10)).astype(np.float32) * 3
    loss, parts = generator_loss(tf.constant(d_fake), tf.constant(teacher_logits), lambda_e=0.7, lambda_d=5.0)
    p = _softmax(teacher_logits.astype(np.float64))
    adversarial = np.mean(-np.log(1 / (1 + np.exp(-d_fake))))  # non-saturating -log D(G(z))
    per_sample = np.mean(-np.sum(p * np.log(p), -1))  # eq. (4)
    w = p.mean(0)  # eq. (1)
    diversity = -np.sum(w * np.log(w))  # eq. (5)
    np.testing.assert_allclose([parts["adversarial"], parts["entropy"], parts["diversity"]], [adversarial, per_sample, diversity], rtol=1e-5)
    np.testing.assert_allclose(loss, adversarial + 0.7 * per_sample - 5.0 * diversity, rtol=1e-5)  # eq. (7)
    sigmoid = lambda x: 1 / (1 + np.exp(-x))
    np.testing.assert_allclose(discriminator_loss(tf.constant(d_real), tf.constant(d_fake)),  # -L_D, eq. (6)
                               -np.mean(np.log(sigmoid(d_real))) - np.mean(np.log(1 - sigmoid(d_fake))), rtol=1e-5)
    # textbook points: confident samples of 10 distinct classes have H(y) = 0 and H(w) = log 10
    _, parts = generator_loss(tf.zeros(10), tf.constant(np.eye(10, dtype=np.float32) * 100), 1.0, 1.0)
    np.testing.assert_allclose([parts["entropy"], parts["diversity"]], [0.0, np.log(10)], atol=1e-5)


def test_diversity_rises_and_per_sample_entropy_falls(digits_teacher, strategy):
    degan = synthesis.create("degan", digits_teacher, strategy, iterations=60, lambda_e=5.0, lambda_d=5.0, **TINY)
    degan.train(seed=0)
    entropy = [h["entropy"] for h in degan.history]
    diversity = [h["diversity"] for h in degan.history]
    assert len(entropy) == 60
    assert np.mean(diversity[-10:]) > np.mean(diversity[:10]) + 0.5, (diversity[:10], diversity[-10:])
    assert np.mean(entropy[-10:]) < np.mean(entropy[:10]), (entropy[:10], entropy[-10:])
    dcgan = synthesis.create("dcgan", digits_teacher, strategy, iterations=60, **TINY)  # the same GAN without the teacher's terms
    assert dcgan.config.lambda_e == 0.0 and dcgan.config.lambda_d == 0.0
    dcgan.train(seed=0)
    assert np.mean(diversity[-10:]) > np.mean([h["diversity"] for h in dcgan.history][-10:]) + 0.5


def test_resume_continues_from_the_last_checkpoint(digits_teacher, strategy, tmp_path):
    settings = {**TINY, "iterations": 6, "checkpoint_every": 2}
    killed, resumed, uninterrupted = (synthesis.create("degan", digits_teacher, strategy, **settings) for _ in range(3))
    run_dir = str(tmp_path / "run")
    killed.train(run_dir, seed=3, stop_at=5)  # as if killed during step 6: checkpoints at steps 2, 4 and 5
    assert os.path.exists(os.path.join(run_dir, "gan_checkpoints", "ckpt-5.index"))
    assert not os.path.exists(os.path.join(run_dir, "generator.keras"))
    resumed.train(run_dir, seed=3)
    assert resumed.resumed_from == 5 and resumed.steps_done == 6 and len(resumed.history) == 1  # only step 6 ran
    assert os.path.exists(os.path.join(run_dir, "generator.keras")) and not os.path.exists(os.path.join(run_dir, "gan_checkpoints"))
    uninterrupted.train(str(tmp_path / "other"), seed=3)
    for a, b in zip(resumed.generator.get_weights(), uninterrupted.generator.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-5)  # the same weights as a run that was never stopped
    assert not np.allclose(killed.generator.get_weights()[0], resumed.generator.get_weights()[0])
    reloaded = synthesis.create("degan", digits_teacher, strategy, **settings)
    reloaded.train(run_dir, seed=3)  # a finished generator is loaded, not retrained
    assert reloaded.history == [] and reloaded.steps_done == 6
    assert reloaded.report()["gan_final_losses"] == resumed.final_losses is not None  # from generator.json
    np.testing.assert_array_equal(reloaded.synthesize(8, seed=1).images, resumed.synthesize(8, seed=1).images)


def test_a_kill_between_the_generator_files_trains_again_instead_of_failing(digits_teacher, strategy, tmp_path):
    settings = {**TINY, "iterations": 4, "checkpoint_every": 2}
    run_dir = str(tmp_path / "run")
    first = synthesis.create("degan", digits_teacher, strategy, **settings)
    first.train(run_dir, seed=3)
    os.remove(os.path.join(run_dir, "generator.json"))  # as if killed between the two files (the old order)
    again = synthesis.create("degan", digits_teacher, strategy, **settings)
    again.train(run_dir, seed=3)  # was a FileNotFoundError on every rerun
    assert again.resumed_from == 0 and len(again.history) == 4 and os.path.exists(os.path.join(run_dir, "generator.json"))
    for a, b in zip(again.generator.get_weights(), first.generator.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-5)


def test_teacher_never_changes_and_distillation_trains_the_student_on_fresh_samples(digits_teacher, strategy, digits_test):
    teacher_before = [w.copy() for w in digits_teacher.logits_model.get_weights()]
    with strategy.scope():
        degan = synthesis.create("degan", digits_teacher, strategy, iterations=10, **TINY)
        degan.train(seed=0)
        generator_before = [w.copy() for w in degan.generator.get_weights()]
        student = models.build("lenet5_half", digits_teacher.input_shape, digits_teacher.num_classes, seed=0)
        student_before = [w.copy() for w in student.get_weights()]
        distiller = degan.distiller(student, temperature=4.0)
        distiller.compile(optimizer=keras.optimizers.Adam(1e-3))

    class Transfer:  # what training_data reads of a transfer set: its length
        def __len__(self):
            return 128

    data = degan.training_data(Transfer(), batch_size=32, seed=0)
    first_epoch, second_epoch = (np.concatenate([z.numpy() for z in data]) for _ in range(2))
    assert first_epoch.shape == (128, degan.config.latent_dim) and not np.allclose(first_epoch, second_epoch)  # new z every epoch
    distiller.fit(data, epochs=2, verbose=0, shuffle=False)
    for before, after in zip(teacher_before, digits_teacher.logits_model.get_weights()):
        np.testing.assert_array_equal(before, after)
    for before, after in zip(generator_before, degan.generator.get_weights()):
        np.testing.assert_array_equal(before, after)
    assert any(not np.array_equal(b, a) for b, a in zip(student_before, student.get_weights()))


def test_report_has_the_class_histogram_and_a_sample_grid(digits_teacher, strategy, tmp_path):
    degan = synthesis.create("degan", digits_teacher, strategy, iterations=3, **TINY)
    record = degan.report(str(tmp_path))
    assert sum(record["class_histogram"]) == 500 and len(record["class_histogram"]) == 10
    shares = np.array(record["class_histogram"]) / 500
    np.testing.assert_allclose(record["class_entropy"], -np.sum(shares[shares > 0] * np.log(shares[shares > 0])), atol=1e-4)
    assert record["gan_steps"] == 3 and os.path.getsize(tmp_path / "generator_samples.png") > 1000
    batch = degan.synthesize(20, seed=0)  # targets are the teacher's softmax: samples.png shows its labels
    np.testing.assert_allclose(batch.targets, tf.nn.softmax(digits_teacher.logits_model(batch.images)).numpy(), atol=1e-5)


def test_proxy_method_distills_on_the_proxy_images(digits_teacher, strategy):
    method = synthesis.create("proxy", digits_teacher, strategy, proxy="digits")
    batch = method.synthesize(50, seed=0)
    pool = {img.tobytes() for img in (method.images.astype(np.float32) / 255.0)}
    assert all(img.tobytes() in pool for img in batch.images)
    assert np.mean(batch.targets.argmax(-1) == np.argmax(digits_teacher.logits_model(batch.images), -1)) == 1.0


def test_proxy_sources_are_converted_to_the_teachers_shape(tmp_path):
    rng = np.random.default_rng(0)
    folder = tmp_path / "pictures"
    folder.mkdir()
    for i, size in enumerate((20, 40)):  # RGB files of two sizes
        png = tf.io.encode_png(rng.integers(0, 256, (size, size, 3), dtype=np.uint8))
        tf.io.write_file(str(folder / f"{i}.png"), png)
    np.save(folder / "more.npy", rng.random((3, 28, 28)).astype(np.float32))  # floats in [0, 1], no channel axis
    images = proxy.load(str(folder), (32, 32, 1))
    assert images.shape == (5, 32, 32, 1) and images.dtype == np.uint8
    np.savez(tmp_path / "set.npz", images=rng.integers(0, 256, (4, 32, 32, 1), dtype=np.uint8))
    assert proxy.load(str(tmp_path / "set.npz"), (32, 32, 3)).shape == (4, 32, 32, 3)  # grey -> RGB
    noise = proxy.load("noise", (32, 32, 1))
    assert noise.shape == (proxy.NOISE_IMAGES, 32, 32, 1) and 120 < noise.mean() < 135
    digits = proxy.load("digits:0,1", (32, 32, 1))
    assert 250 < len(digits) < 330  # about 2 x 1437 / 10 training images


@pytest.mark.parametrize("spec, message", [
    ("", "no proxy images were given"),
    ("cifar100", "unknown proxy source"),
    ("fashion_mnist:0,10", "outside fashion_mnist's classes 0..9"),
    ("fashion_mnist:shirts", "are not integers"),
])
def test_bad_proxy_specs_are_refused(spec, message):
    with pytest.raises(TfdfkdError, match=message):
        proxy.load(spec, (32, 32, 1))


@pytest.mark.parametrize("array", [np.full((2, 8, 8), 1000, np.uint16), np.linspace(-1, 1, 128, dtype=np.float32).reshape(2, 8, 8)])
def test_proxy_arrays_outside_pixel_range_are_refused_not_wrapped_or_clipped(tmp_path, array):
    np.save(tmp_path / "images.npy", array)
    with pytest.raises(TfdfkdError, match="not pixels in"):
        proxy.load(str(tmp_path / "images.npy"), (32, 32, 1))


def test_empty_proxy_directory_is_refused(tmp_path):
    with pytest.raises(TfdfkdError, match="holds no images"):
        proxy.load(str(tmp_path), (32, 32, 1))


def test_quick_flagfile_through_the_cli(tmp_path, digits_teacher):
    out = str(tmp_path / "degan")
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": ROOT}
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "distill.py"), "--flagfile=tools/flags/degan_digits_quick.flags",
                             f"--out={out}"], check=False, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    for name in ("student/saved_model.pb", "student.keras", "metrics.json", "samples.png", "generator_samples.png", "generator.keras",
                 "generator.json", "config.json", "flags.txt", "transfer_set/manifest.json"):
        assert os.path.exists(os.path.join(out, name)), name
    assert not os.path.exists(os.path.join(out, "gan_checkpoints")) and not os.path.exists(out + ".partial")
    with open(os.path.join(out, "metrics.json")) as f:
        metrics = json.load(f)
    assert metrics["method"] == "degan" and metrics["proxy"] == "digits" and metrics["config"]["proxy"] == "digits"
    assert metrics["gan_steps"] == 20 and sum(metrics["class_histogram"]) == 1000
    assert 0.0 <= metrics["class_entropy"] <= np.log(10) + 1e-6 and 0.0 <= metrics["student_accuracy"] <= 1.0
    generator = keras.models.load_model(os.path.join(out, "generator.keras"))  # reusable on its own
    images = generator(np.random.default_rng(0).standard_normal((4, 100)).astype(np.float32))
    assert images.shape == (4,) + digits_teacher.input_shape
