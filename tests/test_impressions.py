import numpy as np
import pytest

from tfdfkd import synthesis
from tfdfkd.errors import TfdfkdError
from tfdfkd.synthesis import class_similarity, sample_dirichlet_targets


def test_class_similarity_is_cosine_min_max_normalised_per_row():
    rng = np.random.default_rng(0)
    templates = rng.normal(size=(84, 10))
    c = class_similarity(templates)
    assert c.shape == (10, 10)
    np.testing.assert_allclose(np.diag(c), 1.0)  # a class is most similar to itself
    np.testing.assert_allclose(c.min(axis=1), 0.0, atol=1e-12)
    assert c.max() <= 1.0
    # scaling a template does not change cosine similarities
    scaled = templates * np.arange(1, 11)
    np.testing.assert_allclose(class_similarity(scaled), c, atol=1e-12)


def test_dirichlet_targets_stay_finite_for_tiny_concentrations():
    rng = np.random.default_rng(0)
    concentration = np.full((1000, 10), 1e-5)
    concentration[:, 3] = 0.1
    targets = sample_dirichlet_targets(concentration, rng)
    assert np.all(np.isfinite(targets))
    np.testing.assert_allclose(targets.sum(axis=1), 1.0, atol=1e-5)


def test_data_impressions_reach_their_targets(digits_teacher, strategy):
    synth = synthesis.create("zskd", digits_teacher, strategy, iterations=60, learning_rate=0.05, clip=True)
    short = synthesis.create("zskd", digits_teacher, strategy, iterations=1, learning_rate=0.05, clip=True)
    batch, start = synth.synthesize(40, seed=3), short.synthesize(40, seed=3)
    assert batch.images.shape == (40, 32, 32, 1) and batch.targets.shape == (40, 10)
    assert batch.metrics["loss"] < start.metrics["loss"] - 0.05
    # the teacher now predicts each impression's target class
    predicted = digits_teacher.logits_model(batch.images).numpy().argmax(axis=1)
    assert np.mean(predicted == batch.targets.argmax(axis=1)) > 0.9
    # ... which the batch reports as its on_target share (shown in the progress bar and TensorBoard)
    assert batch.metrics["on_target"] == pytest.approx(np.mean(predicted == batch.targets.argmax(axis=1)))
    assert start.metrics["on_target"] < batch.metrics["on_target"]


def test_dirichlet_targets_are_balanced_and_follow_similarity_rows(digits_teacher, strategy):
    synth = synthesis.create("zskd", digits_teacher, strategy)
    targets, _ = synth.targets_and_thresholds(2000, np.random.default_rng(0))
    for k in range(10):
        drawn_for_k = targets[k::10]  # image i is drawn for class i mod K
        assert drawn_for_k.mean(axis=0).argmax() == k
    # beta = 0.1 rows (odd rounds) are peakier than beta = 1.0 rows (even rounds)
    peak = targets.max(axis=1).reshape(-1, 10)
    assert peak[1::2].mean() > peak[0::2].mean()


def test_synthesis_is_a_pure_function_of_the_seed(digits_teacher, strategy):
    synth = synthesis.create("zskd", digits_teacher, strategy, iterations=5)
    a, b, c = synth.synthesize(20, 7), synth.synthesize(20, 7), synth.synthesize(20, 8)
    np.testing.assert_array_equal(a.images, b.images)
    assert not np.array_equal(a.images, c.images)


def test_class_impressions_stop_once_confident(digits_teacher, strategy):
    synth = synthesis.create("class_impressions", digits_teacher, strategy, iterations=300, learning_rate=0.05, clip=True)
    batch = synth.synthesize(20, seed=0)
    assert batch.metrics["stopped"] == 1.0
    probabilities = digits_teacher.logits_model(batch.images).numpy()
    probabilities = np.exp(probabilities - probabilities.max(1, keepdims=True))
    probabilities /= probabilities.sum(1, keepdims=True)
    confidence = probabilities[np.arange(20), batch.targets.argmax(1)]
    assert np.all(confidence >= 0.55)
    # a stopped image no longer moves: a longer budget changes nothing
    longer = synthesis.create("class_impressions", digits_teacher, strategy, iterations=600, learning_rate=0.05, clip=True)
    np.testing.assert_array_equal(longer.synthesize(20, seed=0).images, batch.images)
    np.testing.assert_array_equal(batch.targets.max(axis=1), 1.0)


def test_nan_loss_is_reported(digits_teacher, strategy):
    synth = synthesis.create("zskd", digits_teacher, strategy, iterations=3, learning_rate=float("nan"))
    with pytest.raises(TfdfkdError, match="NaN"):
        synth.synthesize(10, 0)


def test_unknown_method_and_setting_are_refused(digits_teacher):
    with pytest.raises(TfdfkdError, match="unknown synthesis method"):
        synthesis.create("magic", digits_teacher)
    with pytest.raises(TfdfkdError, match="no setting"):
        synthesis.create("zskd", digits_teacher, iterationz=3)
    with pytest.raises(TfdfkdError, match="rescale='pixel' is unknown"):
        synthesis.create("zskd", digits_teacher, rescale="pixel")
    with pytest.raises(TfdfkdError, match="init='gaussian' is unknown"):
        synthesis.create("zskd", digits_teacher, init="gaussian")


@pytest.mark.parametrize("per_image", [True, False])
def test_rescaled_impressions_span_the_unit_interval(digits_teacher, strategy, per_image):
    """ZSKD's released code rescales the batch to [0, 1] after every step instead of clipping."""
    synth = synthesis.create("zskd", digits_teacher, strategy, iterations=20, learning_rate=0.5,
                             rescale="image" if per_image else "batch")
    images = synth.synthesize(20, seed=0).images
    low, high = images.min(axis=(1, 2, 3)), images.max(axis=(1, 2, 3))
    if per_image:
        np.testing.assert_allclose(low, 0.0, atol=1e-6)
        np.testing.assert_allclose(high, 1.0, atol=1e-6)
    else:
        assert images.min() == pytest.approx(0.0, abs=1e-6) and images.max() == pytest.approx(1.0, abs=1e-6)
        assert np.any(low > 1e-3) or np.any(high < 1 - 1e-3)  # one range for the batch, not one per image
    assert np.mean(np.isclose(images, 0.0) | np.isclose(images, 1.0)) < 0.2  # no pile-up at the bounds


def test_jitter_and_flip_change_the_impressions_and_stay_seeded(digits_teacher, strategy):
    plain = synthesis.create("zskd", digits_teacher, strategy, iterations=5)
    jittered = synthesis.create("zskd", digits_teacher, strategy, iterations=5, jitter=2, flip=True)
    first, again = jittered.synthesize(20, seed=3).images, jittered.synthesize(20, seed=3).images
    np.testing.assert_array_equal(first, again)
    assert np.abs(first - plain.synthesize(20, seed=3).images).max() > 1e-3


def _total_variation(images):
    return np.abs(np.diff(images, axis=1)).mean() + np.abs(np.diff(images, axis=2)).mean()


def test_fourier_parametrisation_reaches_targets_with_smoother_images(digits_teacher, strategy):
    """Optimising a 1/f-weighted spectrum instead of pixels moves low frequencies most."""
    common = dict(iterations=60, clip=False, clip_final=True, init="normal", init_std=0.5)
    pixel = synthesis.create("zskd", digits_teacher, strategy, learning_rate=0.05, **common).synthesize(40, seed=3)
    fourier_synth = synthesis.create("zskd", digits_teacher, strategy, learning_rate=0.05, parametrisation="fourier", spectrum_decay=2.0, **common)
    fourier = fourier_synth.synthesize(40, seed=3)
    assert fourier.images.shape == pixel.images.shape == (40, 32, 32, 1)
    assert 0.0 <= fourier.images.min() and fourier.images.max() <= 1.0  # clipped when done
    start = synthesis.create("zskd", digits_teacher, strategy, learning_rate=0.05, parametrisation="fourier", spectrum_decay=2.0,
                             **{**common, "iterations": 1}).synthesize(40, seed=3)
    assert fourier.metrics["loss"] < start.metrics["loss"] - 0.05
    assert fourier.metrics["on_target"] > 0.7  # after the final clip (0.8 measured; pixels: 0.95)
    assert _total_variation(fourier.images) < 0.5 * _total_variation(pixel.images)
    np.testing.assert_array_equal(fourier.images, fourier_synth.synthesize(40, seed=3).images)  # still seeded


def test_fourier_parametrisation_refuses_clipping_during_synthesis(digits_teacher, strategy):
    for setting in ({"clip": True}, {"rescale": "image"}):
        with pytest.raises(TfdfkdError, match="cannot clip or rescale"):
            synthesis.create("zskd", digits_teacher, strategy, parametrisation="fourier", **setting)


def test_competing_impressions_seek_where_the_student_disagrees(digits_teacher, strategy):
    import keras

    from tfdfkd.synthesis.base import jensen_shannon

    common = {"iterations": 40, "learning_rate": 0.05, "clip": True}
    synth = synthesis.create("zskd", digits_teacher, strategy, compete_weight=1.0, **common)
    assert synth.needs_student()
    with pytest.raises(TfdfkdError, match="student"):
        synth.synthesize(20, seed=5)
    # a student close to the teacher (its weights, perturbed), so disagreement starts small and can grow
    student = keras.models.clone_model(digits_teacher.logits_model)
    rng = np.random.default_rng(0)
    for mine, theirs in zip(student.weights, digits_teacher.logits_model.weights):
        mine.assign(theirs.numpy() * (1 + 0.3 * rng.standard_normal(theirs.shape)).astype(np.float32))
    synth.update(student)
    competed = synth.synthesize(20, seed=5)
    plain_synth = synthesis.create("zskd", digits_teacher, strategy, **common)
    assert not plain_synth.needs_student()
    plain = plain_synth.synthesize(20, seed=5)
    np.testing.assert_array_equal(competed.targets, plain.targets)  # same Dirichlet targets, other images
    disagreement = lambda images: float(np.mean(jensen_shannon(digits_teacher.logits_model(images, training=False),
                                                                 student(images, training=False), 3.0)))
    assert disagreement(competed.images) > 1.5 * disagreement(plain.images)
    for w in student.weights:  # a changed student gets other impressions (the clone is frozen like the teacher)
        w.assign(w * 1.5 + 0.01)
    assert not np.allclose(synth.synthesize(20, seed=5).images, competed.images)


@pytest.mark.parametrize("method", ["zskd", "class_impressions", "adaptive_deepinversion"])
def test_negative_competition_weight_is_refused(digits_bn_teacher, strategy, method):
    with pytest.raises(TfdfkdError, match="compete_weight=-1.0 is negative"):
        synthesis.create(method, digits_bn_teacher, strategy, compete_weight=-1.0)
