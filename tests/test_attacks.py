"""tfdfkd.attacks: FGSM/BIM/PGD and the shader method's border and deeper attacks.

The bold driver is pinned on a one-pixel, two-class model whose every step can be worked out by
hand; the rest runs on the zoo's digits teacher.
"""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfdfkd import attacks

EPS = 40 / 255  # the digits teacher is confident on real digits: it needs a larger ball than shader images


def _threshold_model(sharpness=20.0, centre=0.5):
    """Logits (-s (x - c), s (x - c)) of a one-pixel image x: class 1 iff x > c, and the max
    softmax is sigmoid(2 s |x - c|)."""
    inputs = keras.Input((1, 1, 1))
    dense = keras.layers.Dense(2)
    model = keras.Model(inputs, dense(keras.layers.Flatten()(inputs)))
    dense.set_weights([np.array([[-sharpness, sharpness]], np.float32), np.array([sharpness * centre, -sharpness * centre], np.float32)])
    return model


def _pixel(*values):
    return np.array(values, np.float32).reshape(-1, 1, 1, 1)


def test_bold_driver_grows_while_not_crossed_and_halves_on_overshoot():
    model = _threshold_model()
    x, target = _pixel(0.4), np.array([1])
    grown = attacks.border_attack(model, x, target, eps=0.3, step=0.01, max_iterations=1)
    np.testing.assert_allclose(grown.step, [0.011], rtol=1e-6)  # 0.41 is still class 0: step x 1.1
    assert not grown.kept[0]
    np.testing.assert_allclose(grown.post[0, 0, 0, 0], 0.41, rtol=1e-6)
    # 0.4 + 0.3 = 0.7 crosses with softmax sigmoid(8) = 0.9997 > 0.95: revert, step x 0.5
    overshot = attacks.border_attack(model, x, target, eps=0.3, step=0.3, max_iterations=1)
    np.testing.assert_allclose(overshot.step, [0.15], rtol=1e-6)
    np.testing.assert_allclose(overshot.post[0, 0, 0, 0], 0.4, rtol=1e-6)


def test_bold_driver_moves_the_pre_image_towards_the_boundary_until_both_meet_the_threshold():
    model = _threshold_model()
    pairs = attacks.border_attack(model, _pixel(0.4), np.array([1]), eps=0.3, step=0.3, max_iterations=12)
    # 0.7 overshoots (0.9997): halve. 0.55 is class 1 at 0.88 but 0.4 is at 0.98: revert, halve.
    # 0.475 (0.73) is accepted, step 0.0825; 0.5575 is class 1 at 0.91: the pair (0.475, 0.5575).
    assert pairs.kept[0]
    np.testing.assert_allclose([pairs.pre[0, 0, 0, 0], pairs.post[0, 0, 0, 0]], [0.475, 0.5575], rtol=1e-5)
    np.testing.assert_allclose(pairs.step, [0.0825], rtol=1e-5)


def test_an_image_already_classified_as_its_target_is_a_failure():
    pairs = attacks.border_attack(_threshold_model(), _pixel(0.6, 0.4), np.array([1, 1]), eps=0.3, step=0.05)
    assert not pairs.kept[0] and pairs.kept[1]
    np.testing.assert_array_equal(pairs.pre[0], _pixel(0.6)[0])
    np.testing.assert_array_equal(pairs.post[0], _pixel(0.6)[0])


@pytest.fixture(scope="module")
def digits_batch(digits_test, digits_teacher):
    x = digits_test.images[:64]
    predicted = np.argmax(digits_teacher.logits_model(x), -1)
    targets = (predicted + 1 + np.arange(64) % 9) % 10  # any class but the predicted one
    return x, predicted, targets


def test_border_attack_finds_boundary_pairs_on_a_real_teacher(digits_teacher, digits_batch):
    x, _, targets = digits_batch
    model = digits_teacher.logits_model
    attack = tf.function(lambda x, t: attacks.border_attack(model, x, t, eps=EPS, step=1 / 255, max_iterations=30, threshold=0.95))
    pairs = attack(x, targets)
    kept = pairs.kept.numpy()
    assert kept.mean() > 0.5, kept.mean()
    pre, post = tf.nn.softmax(model(pairs.pre)).numpy(), tf.nn.softmax(model(pairs.post)).numpy()
    assert np.all(post.argmax(-1)[kept] == targets[kept])
    assert np.all(pre.argmax(-1)[kept] != targets[kept])
    assert post.max(-1)[kept].max() <= 0.95 and pre.max(-1)[kept].max() <= 0.95
    for images in (pairs.pre.numpy(), pairs.post.numpy()):
        assert np.abs(images - x).max() <= EPS + 1e-6 and images.min() >= 0.0 and images.max() <= 1.0


def test_border_attack_treats_each_image_as_if_it_were_alone(digits_teacher, digits_batch):
    """Only the images still searching go through the model; the others must not feel it."""
    x, _, targets = digits_batch
    model = digits_teacher.logits_model
    batch = attacks.border_attack(model, x[:8], targets[:8], eps=EPS, max_iterations=12)
    assert 0 < batch.kept.numpy().sum() < 8  # some succeed early, some search to the end
    for i in range(8):
        alone = attacks.border_attack(model, x[i : i + 1], targets[i : i + 1], eps=EPS, max_iterations=12)
        for field in ("pre", "post", "step"):
            np.testing.assert_allclose(getattr(alone, field).numpy()[0], getattr(batch, field).numpy()[i], atol=1e-5)
        assert alone.kept.numpy()[0] == batch.kept.numpy()[i]


def test_border_attack_runs_per_replica_under_a_strategy(digits_teacher, digits_batch, strategy):
    x, _, targets = digits_batch
    model = digits_teacher.logits_model
    step = tf.function(lambda x, t: strategy.run(lambda x, t: attacks.border_attack(model, x, t, eps=EPS, max_iterations=5), args=(x, t)))
    distributed = strategy.experimental_local_results(step(tf.constant(x[:16]), tf.constant(targets[:16])))[0]
    eager = attacks.border_attack(model, x[:16], targets[:16], eps=EPS, max_iterations=5)
    np.testing.assert_allclose(distributed.post.numpy(), eager.post.numpy(), atol=1e-6)
    np.testing.assert_array_equal(distributed.kept.numpy(), eager.kept.numpy())


def test_deeper_attack_raises_the_confidence_in_the_own_prediction(digits_teacher, digits_batch):
    x, _, targets = digits_batch
    model = digits_teacher.logits_model
    boundary = attacks.border_attack(model, x, targets, eps=EPS, max_iterations=30).post.numpy()  # near the boundary
    own = np.argmax(model(boundary), -1)
    deeper = attacks.deeper_attack(model, boundary, eps=1 / 255).numpy()
    before = tf.nn.softmax(model(boundary)).numpy()[np.arange(64), own]
    after = tf.nn.softmax(model(deeper)).numpy()[np.arange(64), own]
    assert np.mean(after > before) > 0.9 and after.mean() > before.mean()
    assert np.abs(deeper - boundary).max() <= 1 / 255 + 1e-6 and deeper.min() >= 0.0 and deeper.max() <= 1.0


def test_untargeted_bim_and_pgd_fool_the_teacher_within_eps(digits_teacher, digits_batch):
    x, predicted, _ = digits_batch
    model = digits_teacher.logits_model
    for images in (attacks.bim(model, x, predicted, eps=EPS, step=4 / 255, iterations=10),
                   attacks.pgd(model, x, predicted, eps=EPS, step=4 / 255, iterations=10, seed=(1, 2))):
        images = images.numpy()
        assert np.mean(np.argmax(model(images), -1) == predicted) < 0.5
        assert np.abs(images - x).max() <= EPS + 1e-6 and images.min() >= 0.0 and images.max() <= 1.0


def test_targeted_attacks_raise_the_target_probability(digits_teacher, digits_batch):
    x, _, targets = digits_batch
    model = digits_teacher.logits_model

    def target_probability(images):
        return tf.nn.softmax(model(images)).numpy()[np.arange(64), targets]

    fgsm = attacks.fgsm(model, x, targets, eps=EPS, targeted=True).numpy()
    bim = attacks.bim(model, x, targets, eps=EPS, step=4 / 255, iterations=10, targeted=True).numpy()
    assert target_probability(fgsm).mean() > target_probability(x).mean()
    assert target_probability(bim).mean() > target_probability(fgsm).mean()
    moved = (fgsm != x) & (np.abs(fgsm - x) < EPS - 1e-6)  # FGSM moves every pixel by eps unless clipped at 0 or 1
    assert not np.any(moved & (fgsm > 0) & (fgsm < 1))
