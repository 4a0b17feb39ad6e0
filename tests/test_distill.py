import keras
import numpy as np
import pytest
import tensorflow as tf

from tfdfkd import distill, models, synthesis
from tfdfkd.errors import TfdfkdError


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_hinton_loss_is_kl_of_softened_distributions_times_tau_squared():
    rng = np.random.default_rng(0)
    # Keras clips probabilities at 1e-7 inside KL; keep these logits where that does not bite
    teacher_logits = rng.normal(size=(16, 10)).astype(np.float32) * 2
    student_logits = rng.normal(size=(16, 10)).astype(np.float32) * 2
    for tau in (1.0, 4.0, 20.0):  # at tau 20, the string "kl_divergence" would give a different number
        p, q = _softmax(teacher_logits / tau), _softmax(student_logits / tau)
        textbook = np.mean(np.sum(p * np.log(p / q), axis=1)) * tau**2
        got = float(distill.hinton_loss(tau).compute_loss(teacher_logits, student_logits))
        np.testing.assert_allclose(got, textbook, rtol=1e-4)
    assert float(distill.hinton_loss(20.0).compute_loss(teacher_logits, teacher_logits)) < 1e-5


def test_distillation_on_data_impressions_teaches_the_student(digits_teacher, digits_test, strategy, tmp_path):
    synth = synthesis.create("zskd", digits_teacher, strategy, iterations=40, learning_rate=0.05, clip=True)
    images = np.concatenate([synth.synthesize(100, seed=s).images for s in range(6)])
    with strategy.scope():
        student = models.build("lenet5_half", seed=0)
        distiller = distill.Distiller(digits_teacher.logits_model, student, temperature=20.0)
        distiller.compile(optimizer=keras.optimizers.Adam(0.01))
    teacher_before = [w.copy() for w in digits_teacher.logits_model.get_weights()]
    student_before = [w.copy() for w in student.get_weights()]
    chance = distill.accuracy(student, digits_test.images, digits_test.labels)
    data = tf.data.Dataset.from_tensor_slices(images).shuffle(600, seed=0).batch(64)
    watch = distill.EvalAccuracy(student, digits_test.images, digits_test.labels)
    board = keras.callbacks.TensorBoard(str(tmp_path), write_graph=False)
    history = distiller.fit(data, epochs=15, verbose=0, shuffle=False, callbacks=[watch, board])
    accuracy = distill.accuracy(student, digits_test.images, digits_test.labels)
    # the learning curve is in the history and in TensorBoard; its last point is the final accuracy
    assert len(history.history["eval_accuracy"]) == 15 and history.history["eval_accuracy"][-1] == accuracy
    logged = [v.tag for f in (tmp_path / "train").iterdir() for e in tf.compat.v1.train.summary_iterator(str(f)) for v in e.summary.value]
    assert logged.count("epoch_eval_accuracy") == 15
    assert accuracy > 0.5 and accuracy > chance + 0.3, (chance, accuracy)  # data-free: no digit image was seen
    assert history.history["distillation_loss"][-1] < history.history["distillation_loss"][0]
    for before, after in zip(teacher_before, digits_teacher.logits_model.get_weights(), strict=True):
        np.testing.assert_array_equal(before, after)  # the teacher never moves
    assert any(not np.array_equal(b, a) for b, a in zip(student_before, student.get_weights(), strict=True))


def test_hard_label_weight_mixes_in_cross_entropy(digits_teacher, digits_test):
    student = models.build("lenet5_half", seed=0)
    distiller = distill.Distiller(digits_teacher.logits_model, student, temperature=4.0, hard_label_weight=0.3)
    distiller.compile(optimizer="adam")
    x, y = digits_test.images[:64], digits_test.labels[:64]
    total = float(distiller.compute_loss(x, y, student(x), training=False))
    ce = float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, student(x)))
    kd = float(distill.hinton_loss(4.0).compute_loss(digits_teacher.logits_model(x), student(x)))
    np.testing.assert_allclose(total, 0.3 * ce + 0.7 * kd, rtol=1e-4)


def test_keras_string_kl_default_is_not_the_textbook_loss():
    """Pins the Keras 3.15 trap our `hinton_loss` avoids (PITFALLS): if this starts failing,
    Keras fixed its string default and the note in tfdfkd/distill.py can go."""
    rng = np.random.default_rng(1)
    t, s = rng.normal(size=(8, 10)).astype(np.float32) * 2, rng.normal(size=(8, 10)).astype(np.float32) * 2
    string_default = float(keras.distillation.LogitsDistillation(temperature=20.0).compute_loss(t, s))
    assert abs(string_default - float(distill.hinton_loss(20.0).compute_loss(t, s))) > 1e-3


class _ConstantImages:
    """A transfer-set stand-in: image i is filled with the value i / (n - 1)."""

    def __init__(self, n=64):
        self.images = np.repeat(np.linspace(0.0, 1.0, n, dtype=np.float32), 32 * 32).reshape(n, 32, 32, 1)

    def __len__(self):
        return len(self.images)

    def dataset(self, batch_size, shuffle_seed=0):
        return tf.data.Dataset.from_tensor_slices(self.images).shuffle(64, seed=shuffle_seed).batch(batch_size)


def _epoch(data):
    return np.concatenate(list(data.as_numpy_iterator()))


def test_distill_mixup_mixes_each_batch_with_itself_and_redraws_every_epoch():
    from tfdfkd import pipeline

    transfer = _ConstantImages()
    config = pipeline.RunConfig(teacher="t", student="s", out="o", distill_augment=False, distill_mixup=1.0, distill_batch_size=16)
    data = pipeline.training_data(config, transfer, shuffle_seed=3)
    first, second = _epoch(data), _epoch(data)
    for epoch in (first, second):
        assert epoch.shape == transfer.images.shape
        assert np.allclose(epoch, epoch[:, :1, :1, :], atol=1e-6)  # a mix of two constant images is constant
        assert epoch.min() >= 0.0 and epoch.max() <= 1.0
        originals = transfer.images[:, 0, 0, 0]
        changed = np.abs(epoch[:, 0, 0, 0, None] - originals[None]).min(axis=1) > 1e-4
        assert changed.mean() > 0.5  # Beta(1, 1) mixes almost every image with another
    assert not np.allclose(first, second)  # new pairs and weights every epoch
    np.testing.assert_array_equal(first, _epoch(pipeline.training_data(config, transfer, shuffle_seed=3)))  # seeded

    off = pipeline.RunConfig(teacher="t", student="s", out="o", distill_augment=False, distill_batch_size=16)
    unmixed = _epoch(pipeline.training_data(off, transfer, shuffle_seed=3))
    np.testing.assert_array_equal(np.sort(unmixed[:, 0, 0, 0]), transfer.images[:, 0, 0, 0])


def test_distill_ema_makes_the_final_student_a_moving_average_of_its_weights(digits_teacher, digits_test, strategy):
    """--distill_ema: the final distillation's result is the average the optimiser kept, which lags
    the raw weights (16 steps at momentum 0.99 stay near the first step's); an interleaved round
    (final=False) never averages, since each round's end would reset the student to it."""
    from tfdfkd import pipeline

    data = tf.data.Dataset.from_tensor_slices(digits_test.images[:256]).batch(32)
    moved = {}
    for ema in (0.0, 0.99):
        config = pipeline.RunConfig(teacher="t", student="s", out="o", distill_ema=ema, distill_cosine=False)
        with strategy.scope():
            student = models.build("lenet5_half", seed=0)
        start = [w.copy() for w in student.get_weights()]
        distiller = pipeline.make_distiller(config, strategy, digits_teacher, student, steps=16, final=True)
        distiller.fit(data, epochs=2, verbose=0, shuffle=False)
        moved[ema] = sum(float(np.abs(after - before).sum()) for after, before in zip(student.get_weights(), start))
    assert 0.0 < moved[0.99] < 0.5 * moved[0.0], moved
    assert not pipeline.make_distiller(config, strategy, digits_teacher, student, steps=16).optimizer.use_ema
    with pytest.raises(TfdfkdError, match="--distill_ema is 1.0"):
        pipeline.check_numbers(pipeline.RunConfig(teacher="t", student="s", out="o", distill_ema=1.0))


def test_distill_average_epochs_makes_the_student_the_mean_of_its_last_epochs(digits_teacher, digits_test, strategy, tmp_path):
    """--distill_average_epochs: the result is the mean of the weights at the end of the last
    epochs; the running sum on disk lets a resumed fit continue it, and an epoch that a kill made
    fit repeat is counted once."""
    from tfdfkd import pipeline
    from tfdfkd.distill import WeightAverage

    class Snapshots(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.weights = []

        def on_epoch_end(self, epoch, logs=None):
            self.weights.append([w.copy() for w in student.get_weights()])

    data = tf.data.Dataset.from_tensor_slices(digits_test.images[:128]).batch(32)
    config = pipeline.RunConfig(teacher="t", student="s", out="o", distill_cosine=False)
    with strategy.scope():
        student = models.build("lenet5_half", seed=0)
    distiller = pipeline.make_distiller(config, strategy, digits_teacher, student, steps=12, final=True)
    state = str(tmp_path / "average.npz")
    snapshots = Snapshots()
    distiller.fit(data, epochs=3, verbose=0, shuffle=False, callbacks=[snapshots, WeightAverage(student, 3, 2, state)])
    for averaged, last, second in zip(student.get_weights(), snapshots.weights[2], snapshots.weights[1]):
        np.testing.assert_allclose(averaged, (last + second) / 2, rtol=1e-5, atol=1e-7)
    assert not all(np.allclose(a, b) for a, b in zip(snapshots.weights[2], snapshots.weights[1]))

    resumed = WeightAverage(student, 3, 2, state)  # as a rerun after a kill finds it
    assert resumed.averaged == [1, 2]
    resumed.on_epoch_end(2)  # a repeated epoch is not counted again
    resumed.on_train_end()
    for averaged, last, second in zip(student.get_weights(), snapshots.weights[2], snapshots.weights[1]):
        np.testing.assert_allclose(averaged, (last + second) / 2, rtol=1e-5, atol=1e-7)
    with pytest.raises(TfdfkdError, match="--distill_average_epochs is 5"):
        pipeline.check_numbers(pipeline.RunConfig(teacher="t", student="s", out="o", distill_epochs=4, distill_average_epochs=5))


def test_a_soup_of_students_of_different_architectures_is_refused():
    from tfdfkd import soup

    with pytest.raises(TfdfkdError, match="not one architecture"):
        soup.soup_weights([models.build("lenet5_half", seed=0), models.build("lenet5", seed=0)])
    with pytest.raises(TfdfkdError, match="at least 2"):
        soup.soup_weights([models.build("lenet5_half", seed=0)])


def test_a_run_recorded_before_later_settings_existed_still_counts_as_the_same_run():
    from tfdfkd import pipeline

    config = pipeline.RunConfig(teacher="t", student="s", out="o")
    old_record = {k: v for k, v in config.to_json().items() if k not in pipeline._LATER_FIELDS}
    assert pipeline._same_run(old_record, config.to_json())
    mixed = pipeline.RunConfig(teacher="t", student="s", out="o", distill_mixup=1.0)
    assert not pipeline._same_run(old_record, mixed.to_json())
    assert not pipeline._same_run({**old_record, "distill_optimizer": "sgd"}, config.to_json())


def test_disagreement_copies_stay_near_their_images_and_widen_the_student_teacher_gap(digits_teacher, digits_test):
    from tfdfkd.disagreement import DisagreementDistiller

    student = models.build("lenet5_half", seed=0)
    distiller = DisagreementDistiller(digits_teacher.logits_model, student, temperature=3.0, eps=0.05, steps=2)
    images = digits_test.images[:128]
    moved = distiller.disagreement_copies(images).numpy()
    assert np.abs(moved - images).max() <= 0.05 + 1e-6 and moved.min() >= 0.0 and moved.max() <= 1.0
    assert np.abs(moved - images).max() > 0.04  # they did move

    def gap(x):
        return float(np.mean(distill.hinton_per_example(digits_teacher.logits_model(x), student(x), 3.0)))

    noise = np.clip(images + 0.05 * np.sign(np.random.default_rng(0).normal(size=images.shape)), 0, 1).astype(np.float32)
    assert gap(moved) > max(gap(images), gap(noise)) + 0.3, (gap(images), gap(noise), gap(moved))  # the direction matters

    teacher_before = [w.copy() for w in digits_teacher.logits_model.get_weights()]
    distiller.compile(optimizer=keras.optimizers.Adam(0.01))
    history = distiller.fit(tf.data.Dataset.from_tensor_slices(images).batch(32), epochs=3, verbose=0)
    losses = history.history["distillation_loss"]
    assert np.all(np.isfinite(losses)) and losses[-1] < losses[0]
    for before, after in zip(teacher_before, digits_teacher.logits_model.get_weights(), strict=True):
        np.testing.assert_array_equal(before, after)  # the attack and the step move the student only


@pytest.mark.parametrize("setting, message", [({"distill_disagreement_eps": -0.1}, "--distill_disagreement_eps is -0.1"),
                                              ({"distill_disagreement_eps": float("nan")}, "--distill_disagreement_eps is nan"),
                                              ({"distill_disagreement_eps": 0.03, "distill_disagreement_steps": 0},
                                               "--distill_disagreement_steps is 0")])
def test_disagreement_settings_that_cannot_work_are_refused_before_anything_runs(setting, message):
    from tfdfkd import pipeline

    with pytest.raises(TfdfkdError, match=message):
        pipeline.check_numbers(pipeline.RunConfig(teacher="t", student="s", out="o", **setting))
