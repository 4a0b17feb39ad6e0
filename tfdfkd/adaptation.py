"""Source-free domain adaptation: ADDA with synthesized images standing in for the source data.

    encoder, head = split_classifier(source_model)
    adaptation = AdversarialAdaptation(encoder, models.copy(encoder), domain_discriminator(encoder))
    adaptation.compile()
    adaptation.fit(tf.data.Dataset.zip((source_images, target_images)), ...)
    adapted = adapted_classifier(adaptation.target_encoder, head)

The Data Impressions paper (sec. 4.2, Fig. 5) adapts a trained source classifier to an unlabelled
target domain without its source data: Data Impressions of the source model take the source
images' place in ADDA (Tzeng et al. 2017). The source encoder (the model up to its final Dense
layer) is frozen; a target encoder starts as its copy; a discriminator (two Dense layers of 500
units with leaky ReLU, two outputs, as the paper says) learns to tell source features (of the
impressions) from target features (of the target images), while the target encoder learns to
fool it. The adapted classifier is the target encoder under the source model's own final layer.
"""

from __future__ import annotations

import keras
import tensorflow as tf

from tfdfkd.errors import TfdfkdError
from tfdfkd.teacher import dense_features, find_final_dense

SOURCE, TARGET = 1, 0  # the discriminator's domain labels


def split_classifier(model: keras.Model) -> tuple[keras.Model, keras.layers.Dense]:
    """The encoder (images to the input of `model`'s final Dense layer, sharing `model`'s layers)
    and that Dense layer, the classifier head."""
    dense = find_final_dense(model)
    encoder = dense_features(model, dense) if dense is not None and dense in model.layers else None
    if encoder is None:
        raise TfdfkdError(f"model {model.name!r} has no final Dense layer in its top-level graph to split its classifier head from",
                          "give a classifier whose last layer (before any softmax) is a keras.layers.Dense")
    if len(encoder.output_shape) != 2:
        raise TfdfkdError(f"the features before {model.name!r}'s final Dense layer have shape {encoder.output_shape}, not (N, features)",
                          "flatten the features before the final Dense layer")
    if not encoder.weights:  # (a loaded teacher may be frozen: the adaptation unfreezes its copy)
        raise TfdfkdError(f"model {model.name!r} has no layer with weights before its final Dense layer, so there is no encoder to adapt",
                          "give a classifier with feature layers (convolutions, hidden Dense layers) before its head")
    return encoder, dense


def domain_discriminator(encoder: keras.Model, width: int = 500, seed: int = 0) -> keras.Model:
    """The paper's discriminator on `encoder`'s features: Dense(width), leaky ReLU, Dense(width),
    leaky ReLU, Dense(2) logits (`SOURCE`, `TARGET`)."""
    init = keras.initializers.GlorotUniform(seed=seed)
    return keras.Sequential([
        keras.Input(shape=encoder.output_shape[1:]),
        keras.layers.Dense(width, kernel_initializer=init), keras.layers.LeakyReLU(0.2),
        keras.layers.Dense(width, kernel_initializer=keras.initializers.GlorotUniform(seed=seed + 1)), keras.layers.LeakyReLU(0.2),
        keras.layers.Dense(2, kernel_initializer=keras.initializers.GlorotUniform(seed=seed + 2)),
    ], name="domain_discriminator")


def adapted_classifier(target_encoder: keras.Model, head: keras.layers.Dense) -> keras.Model:
    """A standalone classifier: `target_encoder`, then a copy of the source `head` giving logits
    (a softmax the source model applied is left out)."""
    inputs = keras.Input(shape=target_encoder.input_shape[1:], name="image")
    features = target_encoder(inputs)
    logits_layer = keras.layers.Dense(head.units, use_bias=head.use_bias, name="classifier")
    logits = logits_layer(features)
    logits_layer.set_weights([w.numpy() for w in ([head.kernel] + ([head.bias] if head.use_bias else []))])
    return keras.Model(inputs, logits, name="adapted_classifier")


class AdversarialAdaptation(keras.Model):
    """ADDA's adversarial step on batches of (source images, target images), trained by `fit`.

    Each step first updates the discriminator (cross-entropy on source features labelled
    `SOURCE` and target features labelled `TARGET`), then the target encoder with the labels
    inverted on the same features (the GAN loss ADDA uses), against the updated discriminator.
    The source encoder runs in inference mode and is frozen: its layers get `trainable = False`,
    and so do those of the classifier it was split from, which shares them. The target encoder
    runs once per step, in training mode. Build it and call `compile` inside the
    `tf.distribute` strategy's scope.
    """

    def __init__(self, source_encoder: keras.Model, target_encoder: keras.Model, discriminator: keras.Model, **kwargs):
        super().__init__(**kwargs)
        self.source_encoder, self.target_encoder, self.discriminator = source_encoder, target_encoder, discriminator
        source_encoder.trainable = False
        self.built = True  # the three models come built; a backup can be restored before the first step
        self.discriminator_loss_tracker = keras.metrics.Mean(name="discriminator_loss")
        self.encoder_loss_tracker = keras.metrics.Mean(name="encoder_loss")
        self.domain_accuracy_tracker = keras.metrics.Mean(name="domain_accuracy")

    def call(self, images, training=False):
        return self.target_encoder(images, training=training)

    def compile(self, encoder_optimizer=None, discriminator_optimizer=None, **kwargs):
        """Adam at ADDA's 2e-4 with beta_1 0.5 for both players unless given. The encoder's is
        also Keras's `optimizer` (so Keras creates no third, unused one)."""
        self.encoder_optimizer = encoder_optimizer or keras.optimizers.Adam(2e-4, beta_1=0.5)
        self.discriminator_optimizer = discriminator_optimizer or keras.optimizers.Adam(2e-4, beta_1=0.5)
        super().compile(optimizer=self.encoder_optimizer, **kwargs)
        # Built here, inside the strategy's scope, before the first (compiled) step (STACK.md).
        self.encoder_optimizer.build(self.target_encoder.trainable_variables)
        self.discriminator_optimizer.build(self.discriminator.trainable_variables)

    @property
    def metrics(self):
        return [self.discriminator_loss_tracker, self.encoder_loss_tracker, self.domain_accuracy_tracker]

    def _domain_loss(self, features, label):
        logits = self.discriminator(features, training=True)
        labels = tf.fill(tf.shape(logits)[:1], label)
        loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
        correct = tf.cast(tf.equal(tf.argmax(logits, axis=-1, output_type=tf.int32), label), tf.float32)
        return loss, tf.reduce_mean(correct)

    def train_step(self, data):
        source_images, target_images = data[0], data[1]
        replicas = self.distribute_strategy.num_replicas_in_sync  # gradients are summed over replicas
        source_features = self.source_encoder(source_images, training=False)
        with tf.GradientTape() as encoder_tape:
            target_features = self.target_encoder(target_images, training=True)
            with encoder_tape.stop_recording(), tf.GradientTape() as tape:
                source_loss, source_correct = self._domain_loss(source_features, SOURCE)
                target_loss, target_correct = self._domain_loss(tf.stop_gradient(target_features), TARGET)
                discriminator_loss = (source_loss + target_loss) / 2
                scaled = discriminator_loss / replicas
            with encoder_tape.stop_recording():
                variables = self.discriminator.trainable_variables
                self.discriminator_optimizer.apply_gradients(zip(tape.gradient(scaled, variables), variables))
            fooled_loss, _ = self._domain_loss(target_features, SOURCE)
            scaled = fooled_loss / replicas
        variables = self.target_encoder.trainable_variables
        self.encoder_optimizer.apply_gradients(zip(encoder_tape.gradient(scaled, variables), variables))
        self.discriminator_loss_tracker.update_state(discriminator_loss)
        self.encoder_loss_tracker.update_state(fooled_loss)
        self.domain_accuracy_tracker.update_state((source_correct + target_correct) / 2)
        return {metric.name: metric.result() for metric in self.metrics}
