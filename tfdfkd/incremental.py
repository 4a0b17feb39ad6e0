"""Class-incremental learning without the old classes' data (Data Impressions paper, sec. 4.5).

A classifier learns its classes in groups. When a new group arrives only its labelled images are
at hand; the earlier groups' images are gone and only the model trained on them is left. The
paper (Fig. 7) follows Deep Model Consolidation (DMC; Zhang et al., WACV 2020) but replaces DMC's
auxiliary data with Data Impressions of the old model:

1. a *new* model learns the new group alone, with cross-entropy;
2. a *replay* set stands in for the old classes: Data Impressions (or Class Impressions)
   synthesized from the old model, or nothing, or real old images (the data-driven upper bound);
3. the *combined* model, initialised from the old one with its classifier widened, is trained on
   replay and new images against DMC's double-distillation target: the old and the new model's
   logits, each centred per image, concatenated. No label is used in this step.

The DeepInversion paper (sec. 4.5, eq. 11) trains the combined model with labels instead: on
batches of half replay, half new images, the KL divergence between the old model's outputs
(zero for the new classes) and the combined model's on replay images, cross-entropy on the new
images' labels, and the KL divergence between the old and the combined model's old-class
outputs on the new images (`replay_kd`: `LearningWithoutForgetting` at T = 1 on images whose
label is `REPLAY_LABEL`).

Two baselines learn from the new images alone: `finetune` (cross-entropy: the old classes are
forgotten; `LwFLoss` with `distill_weight=0`) and `lwf` (Learning without Forgetting, Li & Hoiem
2016: cross-entropy plus distillation at T = 2 towards the old model's outputs on the new images).

The building blocks (`widen_classifier`, `double_distillation_target`, `DoubleDistillation`,
`LearningWithoutForgetting`) work on any Keras classifier whose last layer is a Dense layer;
`tfdfkd.incremental_run` chains them over a dataset's class groups.
"""

from __future__ import annotations

import keras
import tensorflow as tf

from tfdfkd.errors import TfdfkdError
from tfdfkd.teacher import find_final_dense

REPLAY_LABEL = -1  # the label of a replay image, whose target is the old model's output


def widen_classifier(model: keras.Model, num_classes: int) -> keras.Model:
    """A trainable copy of `model` with `num_classes` outputs: every weight copied, the final
    Dense layer's old columns kept (so the old classes' logits are unchanged) and the new columns
    freshly initialised by that layer's own initialisers."""
    dense = find_final_dense(model)
    if dense is None or dense not in model.layers:
        raise TfdfkdError(f"model {model.name!r} has no top-level final Dense layer to widen",
                          "give a classifier whose last layer is a keras.layers.Dense")
    old_classes = dense.units
    if num_classes < old_classes:
        raise TfdfkdError(f"cannot widen {old_classes} outputs to {num_classes}", "pass at least as many classes as the model has")

    def clone(layer):
        config = layer.get_config()
        if layer is dense:
            config["units"] = num_classes
        return layer.__class__.from_config(config)

    wider = keras.models.clone_model(model, clone_function=clone)
    for source, target in zip(model.layers, wider.layers):
        weights = source.get_weights()
        if source is dense:
            fresh = target.get_weights()
            for old, new in zip(weights, fresh):
                new[..., :old_classes] = old
            weights = fresh
        target.set_weights(weights)
    wider.trainable = True  # the clone copies a frozen teacher's trainable=False from its config
    return wider


def double_distillation_target(old_logits, new_logits):
    """DMC's regression target: each model's logits minus their per-image mean, side by side.

    Centring removes each model's arbitrary per-image offset, so the two heads become
    comparable on one scale (DMC eq. 2)."""
    centred = [logits - keras.ops.mean(logits, axis=-1, keepdims=True) for logits in (old_logits, new_logits)]
    return keras.ops.concatenate(centred, axis=-1)


class _TrainOnTargets(keras.Model):
    """Trains `combined` with Keras's own `train_step`, its loss `target_loss(targets, logits)`
    on targets computed for each (augmented) batch by `targets(images, labels)`. Evaluation and
    prediction see `combined` alone. Build it inside `strategy.scope()`; compile it with an
    optimizer only."""

    def __init__(self, combined: keras.Model, target_loss: keras.losses.Loss, augmentation: keras.layers.Layer | None = None,
                 **kwargs):
        super().__init__(**kwargs)
        self.combined, self.target_loss, self.augmentation = combined, target_loss, augmentation

    def build(self, input_shape):
        self.built = True  # the wrapped models are built; the augmentation builds on its first call

    def call(self, images, training=False):
        return self.combined(images, training=training)

    def targets(self, images, labels):
        raise NotImplementedError

    def train_step(self, data):
        images, labels, _ = keras.utils.unpack_x_y_sample_weight(data)
        if self.augmentation is not None:
            images = self.augmentation(images, training=True)
        return super().train_step((images, labels))

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        # A Keras Loss scales itself for the replicas of a tf.distribute strategy.
        return self.target_loss(tf.stop_gradient(self.targets(x, y)), y_pred)


class DoubleDistillation(_TrainOnTargets):
    """DMC's consolidation: `combined` regresses (mean squared error) onto
    `double_distillation_target` of the frozen `old` and `new` models. Needs no labels."""

    def __init__(self, combined, old: keras.Model, new: keras.Model, augmentation=None, **kwargs):
        super().__init__(combined, keras.losses.MeanSquaredError(), augmentation, **kwargs)
        self.old, self.new = old, new
        old.trainable = new.trainable = False

    def targets(self, images, labels):
        return double_distillation_target(self.old(images, training=False), self.new(images, training=False))


class LearningWithoutForgetting(_TrainOnTargets):
    """LwF: `LwFLoss` between the combined model's logits and the labels of the new images plus
    the frozen `old` model's outputs on them at `temperature`; `distill_weight=0` fine-tunes.

    An image labelled `REPLAY_LABEL` stands in for the old classes instead: its target is the old
    model's softmax, zero for the new classes, and it has no old-class term (DeepInversion's
    eq. 11 at `temperature` 1)."""

    def __init__(self, combined, old: keras.Model, temperature: float = 2.0, distill_weight: float = 1.0, augmentation=None,
                 **kwargs):
        super().__init__(combined, LwFLoss(old.output_shape[-1], temperature, distill_weight), augmentation, **kwargs)
        self.old, self.temperature = old, float(temperature)
        old.trainable = False

    def targets(self, images, labels):
        labels, total = tf.cast(labels, tf.int32), self.combined.output_shape[-1]
        old_logits = self.old(images, training=False)
        replay = tf.equal(labels, REPLAY_LABEL)[:, None]
        old_outputs = tf.pad(tf.nn.softmax(old_logits), [[0, 0], [0, total - old_logits.shape[-1]]])
        first = tf.where(replay, old_outputs, tf.one_hot(labels, total))
        second = tf.where(replay, 0.0, tf.nn.softmax(old_logits / self.temperature))
        return tf.concat([first, second], axis=-1)


class LwFLoss(keras.losses.Loss):
    """Per image: CE(labels, softmax(logits)) + `distill_weight` x CE(old probabilities,
    softmax(logits[:old] / T)); `distill_weight=0` is plain fine-tuning.

    `y_true` is what `LearningWithoutForgetting.targets` packs: one-hot labels over all classes,
    then the old model's probabilities at temperature T."""

    def __init__(self, old_classes: int, temperature: float = 2.0, distill_weight: float = 1.0, name: str = "lwf", **kwargs):
        super().__init__(name=name, **kwargs)
        self.old_classes, self.temperature, self.distill_weight = int(old_classes), float(temperature), float(distill_weight)

    def call(self, y_true, y_pred):
        total = y_pred.shape[-1]
        one_hot, old_probabilities = y_true[:, :total], y_true[:, total:]
        new_task = keras.losses.categorical_crossentropy(one_hot, y_pred, from_logits=True)
        # A replay image's old-class target is all zeros: weight its term by 0 rather than pass
        # zero labels, since TF's fused softmax cross-entropy takes its gradient as
        # softmax - labels, which assumes labels that sum to 1 (zeros would push the logits down).
        present = keras.ops.sum(old_probabilities, axis=-1)
        old_task = present * keras.losses.categorical_crossentropy(
            old_probabilities / keras.ops.maximum(present, 1e-12)[:, None], y_pred[:, : self.old_classes] / self.temperature,
            from_logits=True)
        return new_task + self.distill_weight * old_task

    def get_config(self):
        return {**super().get_config(), "old_classes": self.old_classes, "temperature": self.temperature,
                "distill_weight": self.distill_weight}
