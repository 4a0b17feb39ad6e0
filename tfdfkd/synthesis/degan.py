"""DeGAN (Addepalli et al., AAAI 2020), the Data-enriching GAN, with its two baselines.

Given unlabelled proxy images (`tfdfkd.proxy`: a related domain, an imbalanced subset of the
original classes, or unrelated images), DeGAN trains a DCGAN (`tfdfkd.models.gan`) whose
generator G is pushed by three players: the discriminator D (real = proxy, fake = G(z)), and
the frozen teacher C, which asks each sample to be confidently one class and the batch to cover
all classes (sec. 4.2):

    y = C(G(z)),  w = E_z[y]                                               eq. (1)
    L_D = E_x[log D(x)] + E_z[log(1 - D(G(z)))]  (maximised)               eq. (2), (3), (6)
    L_G = L_adv,fake + lambda_e H(y) - lambda_d H(w)                       eq. (4), (5), (7)

with H the entropy (nats), H(y) averaged over the batch (per-sample confidence) and H(w) the
entropy of the batch-mean prediction (diversity). As in DCGAN practice and the authors' code,
L_adv,fake for G is the non-saturating -log D(G(z)). Adam at lr 2e-4 (sec. 5.1), beta1 0.5.
Then the student is distilled with Hinton's loss on a new batch of G's samples at every step
(sec. 5.1 "in every epoch of training, we generate a batch of samples using the generator").

Three methods share this module:

* ``degan``: the above.
* ``dcgan``: the same GAN with lambda_e = lambda_d = 0 (the paper's "DCGAN" baseline).
* ``proxy``: no GAN, the student is distilled on the proxy images themselves ("Proxy Data").

The GAN trains once, before synthesis (`prepare`), as one `tf.function` step (a discriminator
update, then a generator update on the same z) run by `strategy.run` on per-replica batches;
the proxy batch and z of step t are drawn statelessly from (seed, t, replica), so a run resumed
from a checkpoint continues exactly as an uninterrupted one. Checkpoints of G, D and both
optimisers go through `tf.train.CheckpointManager` (written under temporary names, then
renamed) every `checkpoint_every` steps; the finished generator is saved as `generator.keras`
(with `generator.json`, its steps and config) in the run directory for reuse. The transfer set
the pipeline writes holds generator samples with the teacher's softmax as targets (so
`samples.png` shows the teacher's labels); `report` adds the teacher's predicted-class
histogram over `histogram_samples` samples, its entropy, and `generator_samples.png`.
"""

from __future__ import annotations

import dataclasses
import math
import os
import shutil
import time
from typing import ClassVar

import keras
import numpy as np
import tensorflow as tf

from tfdfkd.distill import Distiller
from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import atomic_path, read_json, write_json
from tfdfkd.synthesis.base import Synthesizer, SyntheticBatch, register

GENERATOR_FILE = "generator.keras"
CHECKPOINT_DIR = "gan_checkpoints"
_REPORT_SEED = 20200207  # z of the histogram and the sample grid: the same for every run, so runs compare


@dataclasses.dataclass(frozen=True)
class ProxyConfig:
    proxy: str = ""  # --proxy: where the proxy images come from (tfdfkd.proxy.load); required
    histogram_samples: int = 10_000  # proxy images the teacher's class histogram is taken over (sec. 5: 10,000)


@dataclasses.dataclass(frozen=True)
class GANConfig:
    proxy: str = ""  # --proxy: the discriminator's real images (tfdfkd.proxy.load); required
    iterations: int = 2000  # GAN steps (one D and one G update each); the paper trains 200 epochs (sec. 5.1)
    batch_size: int = 64  # global GAN batch of real and of fake images (DCGAN reference: 64)
    learning_rate: float = 2e-4  # sec. 5.1: "the learning rate for training the GAN is set to 0.0002"
    adam_beta1: float = 0.5  # DCGAN sec. 4 (the authors' code too); beta2 0.999
    # The paper gives no values for the two weights. Its authors' code uses lambda_e = 0 and
    # lambda_d = 5 with a related proxy (CIFAR-100 for CIFAR-10); sec. 4.2 says lambda_e must grow
    # when the proxy is not related to the true data, which is the case for all of ours.
    lambda_e: float = 1.0  # weight of the teacher's per-sample entropy H(y), eq. (7) (not tuned)
    lambda_d: float = 5.0  # weight of the entropy of the batch-mean prediction H(w), eq. (7) (authors' code)
    latent_dim: int = 100  # DCGAN's nz; z ~ N(0, I) (sec. 4.2)
    generator_width: int = 64  # DCGAN's ngf (Singh's DCGAN, which the paper builds on)
    discriminator_width: int = 64  # DCGAN's ndf
    checkpoint_every: int = 100  # GAN steps between checkpoints
    histogram_samples: int = 10_000  # generator samples the teacher's class histogram is taken over


def entropy(probabilities: tf.Tensor, axis: int = -1) -> tf.Tensor:
    """H(p) = -sum_k p_k log p_k in nats, with 0 log 0 = 0."""
    return -tf.reduce_sum(tf.math.xlogy(probabilities, probabilities), axis=axis)


def discriminator_loss(real_logits: tf.Tensor, fake_logits: tf.Tensor) -> tf.Tensor:
    """-L_D of eq. (6) as binary cross-entropy (real = 1, fake = 0), this replica's share of the
    global-batch mean (equal to the mean outside `strategy.run`)."""
    _, global_n = _replica_batch(real_logits)
    return (tf.reduce_sum(tf.nn.softplus(-real_logits)) + tf.reduce_sum(tf.nn.softplus(fake_logits))) / global_n


def generator_loss(fake_logits: tf.Tensor, teacher_logits: tf.Tensor, lambda_e: float, lambda_d: float):
    """L_G of eq. (7) on a batch of generated images: (loss, parts).

    `fake_logits` (N,) are D's logits for G(z), `teacher_logits` (N, K) the frozen teacher's.
    parts: `adversarial` -log D(G(z)) averaged, `entropy` H(y) averaged (eq. 4), `diversity`
    H(w) of the batch-mean softmax w (eq. 1, 5). Inside `strategy.run` each is this replica's
    share (its sum over its samples / the global batch; w is all-reduced, so H(w) is the global
    batch's, divided by the replica count), so summing across replicas gives the global values;
    outside it, they are the values of eq. (4), (5), (7) themselves.
    """
    replicas, global_n = _replica_batch(fake_logits)
    probabilities = tf.nn.softmax(teacher_logits, axis=-1)
    mean_probabilities = tf.reduce_sum(probabilities, axis=0)
    if replicas > 1:
        mean_probabilities = tf.distribute.get_replica_context().all_reduce("sum", mean_probabilities)
    parts = {
        "adversarial": tf.reduce_sum(tf.nn.softplus(-fake_logits)) / global_n,  # -log sigmoid(logit)
        "entropy": tf.reduce_sum(entropy(probabilities)) / global_n,
        "diversity": entropy(mean_probabilities / global_n) / replicas,
    }
    return parts["adversarial"] + lambda_e * parts["entropy"] - lambda_d * parts["diversity"], parts


def _replica_batch(per_sample: tf.Tensor):
    """(replicas in sync, global batch size as float32), assuming equal per-replica slices."""
    context = tf.distribute.get_replica_context()  # None in a cross-replica context: one batch, as outside any strategy
    replicas = context.num_replicas_in_sync if context is not None else 1
    return replicas, tf.cast(tf.shape(per_sample)[0] * replicas, tf.float32)


def _teacher_predictions(teacher, images: np.ndarray, batch_size: int = 1000) -> np.ndarray:
    """The teacher's softmax (N, K) for float images in [0, 1]."""
    model = teacher.logits_model
    return np.concatenate([tf.nn.softmax(model(images[i : i + batch_size], training=False)).numpy()
                           for i in range(0, len(images), batch_size)])


def class_report(probabilities: np.ndarray) -> dict:
    """The teacher's predicted-class histogram over `probabilities` (N, K) and its entropy (nats;
    log K for a uniform histogram), with the mean per-sample entropy and confidence."""
    k = probabilities.shape[-1]
    histogram = np.bincount(np.argmax(probabilities, -1), minlength=k)
    shares = histogram / max(histogram.sum(), 1)
    return {"class_histogram": histogram.tolist(), "class_entropy": round(float(-np.sum(shares[shares > 0] * np.log(shares[shares > 0]))), 4),
            "class_entropy_uniform": round(math.log(k), 4),
            "mean_sample_entropy": round(float(np.mean(entropy(tf.constant(probabilities)).numpy())), 4),
            "mean_confidence": round(float(np.mean(probabilities.max(-1))), 4)}


def _sorted_grid(images: np.ndarray, probabilities: np.ndarray, path: str, count: int = 100) -> None:
    """A PNG of the first `count` images ordered by the teacher's predicted class, captioned with its top-2."""
    from tfdfkd import viz

    order = np.argsort(np.argmax(probabilities[:count], -1), kind="stable")
    viz.write_png(path, viz.sample_grid(images[:count][order], probabilities[:count][order]))


def _load_proxy(config, teacher) -> np.ndarray:
    from tfdfkd import proxy

    if not config.proxy:
        raise TfdfkdError("this method learns from proxy images, and none were given",
                          "pass --proxy= a shader cache or image directory, an .npy/.npz file, digits, "
                          "fashion_mnist:<class ids> (e.g. fashion_mnist:0,1) or noise")
    return proxy.load(config.proxy, teacher.input_shape)


def _check_positive(config, names) -> None:
    for name in names:
        if not getattr(config, name) > 0:
            raise TfdfkdError(f"setting {name}={getattr(config, name)} must be positive", f"pass --synth_settings={name}=<a positive value>")


@register("proxy")
class ProxyImages(Synthesizer):
    """The "Proxy Data" baseline: the student is distilled on the proxy images themselves."""

    Config = ProxyConfig

    def __init__(self, teacher, config=None, strategy=None):
        super().__init__(teacher, config, strategy)
        _check_positive(self.config, ("histogram_samples",))
        self.images = _load_proxy(self.config, teacher)  # uint8 (N, H, W, C)

    def synthesize(self, batch_size: int, seed: int) -> SyntheticBatch:
        """`batch_size` proxy images drawn uniformly (with replacement), with the teacher's softmax."""
        chosen = np.random.default_rng(seed).integers(len(self.images), size=batch_size)
        images = self.images[chosen].astype(np.float32) / 255.0
        probabilities = _teacher_predictions(self.teacher, images)
        return SyntheticBatch(images, probabilities, {"teacher_entropy": float(np.mean(entropy(tf.constant(probabilities)).numpy()))})

    def report(self, directory: str | None = None) -> dict:
        n = min(self.config.histogram_samples, len(self.images))
        chosen = np.random.default_rng(_REPORT_SEED).permutation(len(self.images))[:n]
        images = self.images[chosen].astype(np.float32) / 255.0
        probabilities = _teacher_predictions(self.teacher, images)
        if directory:
            _sorted_grid(images, probabilities, os.path.join(directory, "proxy_samples.png"))
        return {"proxy": self.config.proxy, "proxy_images": len(self.images), **class_report(probabilities)}


class _ProxyGAN(Synthesizer):
    """A DCGAN trained on proxy images, with DeGAN's teacher terms weighted by lambda_e, lambda_d."""

    Config = GANConfig

    def __init__(self, teacher, config=None, strategy=None):
        super().__init__(teacher, config, strategy)
        cfg = self.config
        _check_positive(cfg, ("iterations", "batch_size", "learning_rate", "latent_dim", "generator_width",
                              "discriminator_width", "checkpoint_every", "histogram_samples"))
        if cfg.lambda_e < 0 or cfg.lambda_d < 0:
            raise TfdfkdError(f"lambda_e={cfg.lambda_e} and lambda_d={cfg.lambda_d} must not be negative (eq. 7 subtracts the "
                              "diversity term itself)", "pass non-negative weights")
        replicas = self.strategy.num_replicas_in_sync
        if cfg.batch_size % replicas:
            raise TfdfkdError(f"GAN batch_size {cfg.batch_size} does not split across {replicas} replicas",
                              f"pass --synth_settings=batch_size=<a multiple of {replicas}>")
        from tfdfkd.models import gan

        gan.stages_for(teacher.input_shape)  # refuses shapes the DCGAN cannot make, before anything runs
        self.images = _load_proxy(cfg, teacher)  # uint8 (N, H, W, C): the discriminator's real images
        self.generator: keras.Model | None = None
        self.history: list[dict[str, float]] = []  # per GAN step of this process: d_loss, adversarial, entropy, diversity
        self.final_losses: dict[str, float] | None = None  # mean of the last tenth of the steps; kept in generator.json
        self.steps_done = 0
        self.gan_seconds = 0.0

    # --- GAN training ------------------------------------------------------------------------

    def prepare(self, directory: str | None = None, seed: int = 0, verbose: int = 0) -> None:
        """Trains the generator (or loads the finished one from `directory`)."""
        self.train(directory, seed, verbose)

    def train(self, directory: str | None = None, seed: int = 0, verbose: int = 0, stop_at: int | None = None) -> None:
        """Trains the GAN for `config.iterations` steps, resuming from `directory`'s checkpoints.

        With `directory`, checkpoints go to `directory/gan_checkpoints` every `checkpoint_every`
        steps and the finished generator to `directory/generator.keras` (the checkpoints are
        then removed); a finished generator found there is loaded instead of training.
        `stop_at` stops after that many steps in all (the step counter lives in the checkpoint),
        as a kill would, for tests.
        """
        cfg = self.config
        final = os.path.join(directory, GENERATOR_FILE) if directory else None
        record_path = os.path.join(directory, "generator.json") if directory else None
        # Finished means both files: generator.json is written first, generator.keras last, so a
        # kill between them leaves a run that trains again from its last checkpoint.
        if final and os.path.exists(final) and os.path.exists(record_path):
            with self.strategy.scope():
                self.generator = keras.models.load_model(final, compile=False)
            record = read_json(record_path)
            self.steps_done, self.gan_seconds = record["steps"], record["seconds"]
            self.final_losses = record.get("final_losses")
            shutil.rmtree(os.path.join(directory, CHECKPOINT_DIR), ignore_errors=True)  # a kill before their removal
            return
        target = cfg.iterations if stop_at is None else min(stop_at, cfg.iterations)
        if self.generator is not None and self.steps_done >= target:
            return
        from tfdfkd.models import gan

        shape = self.teacher.input_shape
        with self.strategy.scope():
            generator = gan.dcgan_generator(shape, cfg.latent_dim, cfg.generator_width, seed=seed)
            discriminator = gan.dcgan_discriminator(shape, cfg.discriminator_width, seed=seed + 1000)
            g_opt = keras.optimizers.Adam(cfg.learning_rate, beta_1=cfg.adam_beta1)
            d_opt = keras.optimizers.Adam(cfg.learning_rate, beta_1=cfg.adam_beta1)
            g_opt.build(generator.trainable_variables)  # before the first step (STACK.md)
            d_opt.build(discriminator.trainable_variables)
            step = tf.Variable(0, dtype=tf.int64, trainable=False, name="gan_step")
            seconds = tf.Variable(0.0, dtype=tf.float64, trainable=False, name="gan_seconds")
        checkpoint = tf.train.Checkpoint(generator=generator, discriminator=discriminator, generator_optimizer=g_opt,
                                         discriminator_optimizer=d_opt, step=step, seconds=seconds)
        manager = None
        if directory:
            manager = tf.train.CheckpointManager(checkpoint, os.path.join(directory, CHECKPOINT_DIR), max_to_keep=1)
            if manager.latest_checkpoint:
                checkpoint.restore(manager.latest_checkpoint).assert_existing_objects_matched()
        self.resumed_from = int(step.numpy())
        run_step = self._step_function(generator, discriminator, g_opt, d_opt, seed)
        progbar = keras.utils.Progbar(target, verbose=verbose, unit_name="GAN step", stateful_metrics=list(_PARTS))
        progbar.update(self.resumed_from)
        start = time.time() - float(seconds.numpy())
        for t in range(self.resumed_from, target):
            parts = run_step(tf.constant(t, tf.int64))
            values = {k: float(self.strategy.reduce("SUM", v, axis=None)) for k, v in parts.items()}
            if not all(math.isfinite(v) for v in values.values()):
                raise TfdfkdError(f"the GAN losses became NaN/Inf at step {t + 1} ({values})",
                                  "lower --synth_settings=learning_rate=..., or check the proxy images")
            self.history.append(values)
            step.assign(t + 1)
            progbar.update(t + 1, values=list(values.items()))
            if manager and ((t + 1) % cfg.checkpoint_every == 0 or t + 1 == target):
                seconds.assign(time.time() - start)
                manager.save(checkpoint_number=t + 1)
        self.generator, self.steps_done, self.gan_seconds = generator, target, time.time() - start
        self.final_losses = _final_losses(self.history)
        if directory and target == cfg.iterations:
            write_json(record_path, {
                "steps": target, "seconds": round(self.gan_seconds, 1), "method": self.name, "seed": seed,
                "input_shape": list(shape), "config": dataclasses.asdict(cfg), "final_losses": self.final_losses})
            with atomic_path(final) as tmp:
                generator.save(tmp)
            shutil.rmtree(os.path.join(directory, CHECKPOINT_DIR), ignore_errors=True)

    def _step_function(self, generator, discriminator, g_opt, d_opt, seed: int):
        """One GAN step as a `tf.function` under the strategy: (step) -> per-replica loss shares."""
        cfg = self.config
        proxy = tf.convert_to_tensor(self.images)  # captured by reference, not baked into the graph
        teacher = self.teacher.logits_model

        def replica_step(t):
            context = tf.distribute.get_replica_context()
            replicas = context.num_replicas_in_sync
            stream = t * replicas + tf.cast(context.replica_id_in_sync_group, tf.int64)
            local = cfg.batch_size // replicas
            picks = tf.random.stateless_uniform([local], seed=tf.stack([tf.constant(seed, tf.int64), 2 * stream]),
                                                maxval=proxy.shape[0], dtype=tf.int64)
            real = tf.cast(tf.gather(proxy, picks), tf.float32) / 255.0
            z = tf.random.stateless_normal([local, cfg.latent_dim], seed=tf.stack([tf.constant(seed, tf.int64), 2 * stream + 1]))
            # discriminator: maximise L_D, eq. (6)
            with tf.GradientTape() as tape:
                fake = generator(z, training=True)
                d_loss = discriminator_loss(discriminator(real, training=True), discriminator(fake, training=True))
            variables = discriminator.trainable_variables
            d_opt.apply_gradients(zip(tape.gradient(d_loss, variables), variables))
            # generator: minimise L_G, eq. (7), on the same z; the teacher is frozen and in inference mode
            with tf.GradientTape() as tape:
                fake = generator(z, training=True)
                g_loss, parts = generator_loss(discriminator(fake, training=True), teacher(fake, training=False),
                                               cfg.lambda_e, cfg.lambda_d)
            variables = generator.trainable_variables
            g_opt.apply_gradients(zip(tape.gradient(g_loss, variables), variables))
            return {"d_loss": d_loss, **parts}

        return tf.function(lambda t: self.strategy.run(replica_step, args=(t,)))

    # --- samples -----------------------------------------------------------------------------

    def _generate(self, z: np.ndarray, batch_size: int = 500) -> tuple[np.ndarray, np.ndarray]:
        """(images (N, H, W, C) in [0, 1], the teacher's softmax (N, K)) for latents `z`."""
        if self.generator is None:
            self.train()  # no run directory: train in memory (the contract tests, notebooks)
        if not hasattr(self, "_sample"):
            generator, teacher = self.generator, self.teacher.logits_model

            @tf.function
            def sample(z):
                images = generator(z, training=False)
                return images, tf.nn.softmax(teacher(images, training=False), axis=-1)

            self._sample = sample
        parts = [self._sample(tf.constant(z[i : i + batch_size])) for i in range(0, len(z), batch_size)]
        return np.concatenate([p[0].numpy() for p in parts]), np.concatenate([p[1].numpy() for p in parts])

    def synthesize(self, batch_size: int, seed: int) -> SyntheticBatch:
        """`batch_size` generator samples from z ~ N(0, I) seeded by `seed`, with the teacher's softmax as targets."""
        z = np.random.default_rng(seed).standard_normal((batch_size, self.config.latent_dim)).astype(np.float32)
        images, probabilities = self._generate(z)
        return SyntheticBatch(images, probabilities, {"teacher_entropy": float(np.mean(entropy(tf.constant(probabilities)).numpy()))})

    def report(self, directory: str | None = None) -> dict:
        """The teacher's class histogram over `histogram_samples` generator samples (and its
        entropy), the GAN's final losses; `generator_samples.png` in `directory`."""
        z = np.random.default_rng(_REPORT_SEED).standard_normal((self.config.histogram_samples, self.config.latent_dim)).astype(np.float32)
        images, probabilities = self._generate(z)
        if directory:
            _sorted_grid(images, probabilities, os.path.join(directory, "generator_samples.png"))
        final = self.final_losses if self.final_losses is not None else _final_losses(self.history)
        return {"proxy": self.config.proxy, "proxy_images": len(self.images), "gan_steps": self.steps_done,
                "gan_seconds": round(self.gan_seconds, 1), "gan_final_losses": final, **class_report(probabilities)}

    # --- distillation ------------------------------------------------------------------------

    def distiller(self, student, temperature: float, seed: int = 0):
        """A `GeneratorDistiller`: every step distills on a new batch of generator samples."""
        if self.generator is None:
            self.train()
        return GeneratorDistiller(self.teacher.logits_model, student, self.generator, temperature=temperature)

    def training_data(self, transfer, batch_size: int, seed: int, augment: bool = True):
        """Latent batches z (batch_size, latent_dim) ~ N(0, I), len(transfer) / batch_size per epoch,
        new ones every epoch. The generator turns them into images inside the distiller's step;
        no augmentation is applied (`augment` is ignored: each step already sees new samples)."""
        steps = -(-len(transfer) // batch_size)
        latent_dim = self.config.latent_dim
        seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).take(steps)
        return seeds.map(lambda s: tf.random.stateless_normal([batch_size, latent_dim], seed=tf.stack([s, tf.constant(seed, tf.int64)])))


_PARTS = ("d_loss", "adversarial", "entropy", "diversity")


def _final_losses(history: list[dict[str, float]]) -> dict[str, float] | None:
    """Each GAN loss part averaged over the last tenth of `history`'s steps (None if empty)."""
    last = history[-max(1, len(history) // 10):]
    return {k: round(float(np.mean([h[k] for h in last])), 4) for k in _PARTS} if last else None


@register("degan")
class DeGAN(_ProxyGAN):
    """The three-player Data-enriching GAN (eq. 7 with the teacher's entropy and diversity terms)."""


@register("dcgan")
class DCGAN(_ProxyGAN):
    """The paper's DCGAN baseline: the same GAN on the proxy images without the teacher's terms."""

    DEFAULTS: ClassVar[dict] = {"lambda_e": 0.0, "lambda_d": 0.0}


class GeneratorDistiller(Distiller):
    """Hinton distillation on generator samples: each step's inputs are latents z, turned into
    images by the frozen `generator`, then labelled by the teacher's softened softmax."""

    def __init__(self, teacher: keras.Model, student: keras.Model, generator: keras.Model, temperature: float = 20.0, **kwargs):
        super().__init__(teacher, student, temperature=temperature, **kwargs)
        generator.trainable = False
        self.generator = generator

    def call(self, z, training=None):
        return self.student(self.generator(z, training=False), training=training)

    def train_step(self, data):
        z = data[0] if isinstance(data, (tuple, list)) else data
        return self._record_step(self._distill_on(self.generator(z, training=False)))
