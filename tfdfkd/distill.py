"""The KD core: Hinton distillation as a `keras.Model`, on top of `keras.distillation`.

`Distiller` is Keras 3's own `keras.distillation.Distiller` with the textbook loss wired in:
KL(softmax(t / tau) || softmax(s / tau)) * tau^2, the teacher frozen and run in inference mode,
and an optional hard-label cross-entropy weight when labels exist. It trains with
`compile`/`fit`, so callbacks, progress bars and `tf.distribute` strategies apply as for any
Keras model: build it inside `strategy.scope()`.
"""

from __future__ import annotations

import os

import keras
import numpy as np
import tensorflow as tf


def hinton_loss(temperature: float) -> keras.distillation.LogitsDistillation:
    """Hinton et al. (2015): KL between temperature-softened teacher and student, times tau^2.

    The loss object is passed explicitly: Keras 3.15's default string "kl_divergence" skips
    the softmax and applies KL to scaled logits (PITFALLS).
    """
    return keras.distillation.LogitsDistillation(temperature=temperature, loss=keras.losses.KLDivergence())


def hinton_per_example(teacher_logits, student_logits, temperature: float) -> tf.Tensor:
    """(B,) tau^2 KL(softmax(t / tau) || softmax(s / tau)) (Hinton et al. 2015; Frank & Davis
    eq. 4): per example, so examples can be weighted; its mean is `hinton_loss`."""
    log_p = tf.nn.log_softmax(tf.cast(teacher_logits, tf.float32) / temperature)
    log_q = tf.nn.log_softmax(tf.cast(student_logits, tf.float32) / temperature)
    return temperature**2 * tf.reduce_sum(tf.exp(log_p) * (log_p - log_q), axis=-1)


class Distiller(keras.distillation.Distiller):
    """Trains `student` to match `teacher`'s logits at temperature `temperature`.

    Args:
      teacher: a model from images to logits (e.g. `tfdfkd.teacher.Teacher.logits_model`); frozen.
      student: a model from the same images to logits; trained.
      temperature: tau of the softened softmax (ZSKD: 20).
      hard_label_weight: weight of the student's cross-entropy on labels, when the dataset
        yields (images, labels); the distillation term gets 1 - hard_label_weight. Data-free
        transfer sets have no labels: keep 0.
    """

    def __init__(self, teacher: keras.Model, student: keras.Model, temperature: float = 20.0,
                 hard_label_weight: float = 0.0, **kwargs):
        kwargs.setdefault("distillation_losses", hinton_loss(temperature))
        kwargs.setdefault("student_loss_weight", hard_label_weight)
        super().__init__(teacher=teacher, student=student, **kwargs)
        self.temperature = temperature

    def compile(self, optimizer="adam", loss=None, metrics=None, **kwargs):
        loss = loss or keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        super().compile(optimizer=optimizer, loss=loss, metrics=metrics, **kwargs)

    def fit(self, x=None, *args, **kwargs):
        if isinstance(x, tf.data.Dataset):
            # Keras ignores shuffle on a dataset (the pipeline shuffles) but warns when it is left True.
            kwargs.setdefault("shuffle", False)
        return super().fit(x, *args, **kwargs)

    def train_step(self, data):
        return self._worker_safe(super().train_step(data))

    def _distill_on(self, x, weight=None):
        """One optimiser step of the student on examples `x` (this replica's), each weighted
        (`weight` (N,), default 1): Hinton's loss as a weighted mean over the global batch, so
        one or several replicas give the same gradient. Returns the global-batch loss; for
        subclasses whose train_step chooses its own examples."""
        context = tf.distribute.get_replica_context()
        x = tf.stop_gradient(tf.convert_to_tensor(x, tf.float32))
        weight = tf.ones(tf.shape(x)[:1]) if weight is None else tf.stop_gradient(tf.cast(weight, tf.float32))
        teacher_logits = self.teacher(x, training=False)
        total_weight = context.all_reduce("sum", tf.reduce_sum(weight))
        variables = self.student.trainable_variables
        with tf.GradientTape() as tape:
            per_example = hinton_per_example(teacher_logits, self.student(x, training=True), self.temperature)
            loss = tf.math.divide_no_nan(tf.reduce_sum(weight * per_example), total_weight)  # this replica's share
            scaled = self.optimizer.scale_loss(loss)
        self.optimizer.apply_gradients(zip(tape.gradient(scaled, variables), variables))
        return context.all_reduce("sum", loss)

    def _record_step(self, loss):
        """fit()'s logs after a subclass's own train_step whose global-batch distillation loss is
        `loss` (the student's label term is 0: data-free batches carry no labels)."""
        for tracker in (self._loss_tracker, self.distillation_loss_tracker, self.total_loss_tracker):
            tracker.update_state(loss)
        self.student_loss_tracker.update_state(0.0)
        return self._worker_safe(self.get_metrics_result())

    def _worker_safe(self, logs):
        if _spans_workers(self.distribute_strategy):
            # Keras 3.15 averages fit()'s logs across workers with strategy.reduce("MEAN", v, axis=0),
            # which fails on scalars (tensorflow/tensorflow#72388): give each a batch axis of one.
            logs = {name: value[None] for name, value in logs.items()}
        return logs

    def _maybe_symbolic_build(self, iterator=None, data_batch=None):
        # Keras 3.15's fit() builds the model from its first batch, which under a multi-worker
        # strategy it reduces with strategy.reduce(): that takes one tensor, so (images, targets)
        # batches fail (keras-team/keras#20585). Build from this worker's first replica's slice.
        strategy = self.distribute_strategy
        if iterator is not None and data_batch is None and _spans_workers(strategy):
            for _, _, batches in iterator:
                first = next(batches)
                data_batch = tf.nest.map_structure(lambda v: strategy.experimental_local_results(v)[0], first)
                break
            iterator = None
        super()._maybe_symbolic_build(iterator=iterator, data_batch=data_batch)


class EvalAccuracy(keras.callbacks.Callback):
    """Adds the student's accuracy on a labelled set to each epoch's logs as `eval_accuracy`, so
    the progress bar, the history and TensorBoard show the learning curve.

    For watching only: nothing is ever chosen by it (a data-free run has no data to choose a
    checkpoint with; the last epoch is the result). Place it before the TensorBoard callback.
    """

    def __init__(self, student: keras.Model, images: np.ndarray, labels: np.ndarray):
        super().__init__()
        self.student, self.images, self.labels = student, images, labels

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["eval_accuracy"] = accuracy(self.student, self.images, self.labels)


class WeightAverage(keras.callbacks.Callback):
    """Makes the student the uniform average of its weights at the end of each of the last
    `last_epochs` epochs of `epochs` (stochastic weight averaging, Izmailov et al. 2018: an
    average of nearby points of one run sits nearer the middle of the minimum than any of them).

    Not in the data-free papers. The per-epoch `eval_accuracy` still shows the raw weights; the
    average is written into the student when `fit` ends. With `state_path` (an .npz), the running
    sum and the epochs in it are saved after each averaged epoch, so a resumed `fit` continues the
    same average; place the callback before the backup callback, so that an epoch a kill makes
    `fit` repeat is counted once.
    """

    def __init__(self, student: keras.Model, epochs: int, last_epochs: int, state_path: str | None = None):
        super().__init__()
        self.student, self.first, self.state_path = student, epochs - last_epochs, state_path
        self.sum, self.averaged = None, []
        if state_path and os.path.exists(state_path):
            with np.load(state_path) as state:
                self.averaged = [int(e) for e in state["epochs"]]
                self.sum = [state[f"w{i}"] for i in range(len(state.files) - 1)]

    def on_epoch_end(self, epoch, logs=None):
        if epoch < self.first or epoch in self.averaged:
            return
        weights = self.student.get_weights()
        self.sum = [w.astype(np.float64) for w in weights] if self.sum is None else [s + w for s, w in zip(self.sum, weights)]
        self.averaged.append(epoch)
        if self.state_path:
            from tfdfkd.io_utils import atomic_path

            with atomic_path(self.state_path) as tmp:
                np.savez(tmp, epochs=np.array(self.averaged), **{f"w{i}": s for i, s in enumerate(self.sum)})

    def on_train_end(self, logs=None):
        if self.sum is not None:
            dtypes = [w.dtype for w in self.student.get_weights()]
            self.student.set_weights([(s / len(self.averaged)).astype(d) for s, d in zip(self.sum, dtypes)])


def _spans_workers(strategy) -> bool:
    """True under a MultiWorkerMirroredStrategy whose replicas are not all in this process."""
    return (isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy)
            and len(strategy.extended.worker_devices) < strategy.num_replicas_in_sync)


def predicted_classes(model: keras.Model, images: np.ndarray, batch_size: int = 1000) -> np.ndarray:
    """`model`'s top-1 class (from logits or probabilities) for every image, in batches."""
    predictions = [np.argmax(keras.ops.convert_to_numpy(model(images[i : i + batch_size], training=False)), axis=-1)
                   for i in range(0, len(images), batch_size)]
    return np.concatenate(predictions)


def accuracy(model: keras.Model, images: np.ndarray, labels: np.ndarray, batch_size: int = 1000) -> float:
    """Top-1 accuracy of `model` (logits or probabilities) on labelled images."""
    return float(np.mean(predicted_classes(model, images, batch_size) == labels))
