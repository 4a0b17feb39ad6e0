"""Adversarial attacks on a frozen classifier, batched and `tf.function`-friendly.

Every attack takes `model`, a Keras model (or callable) from (B, H, W, C) float32 images in
[0, 1] to (B, K) logits, which it never changes, and returns images in [0, 1]. `labels` and
`targets` are (B,) integer class ids. All perturbations are L-infinity; `eps` and `step` are in
the images' own units (10/255 is "eps = 10" on 0..255 pixels).

* `fgsm`: one signed-gradient step (Goodfellow et al. 2015), untargeted or targeted.
* `bim`: iterated FGSM projected onto the eps-ball (Kurakin et al. 2017); `pgd` is BIM from a
  uniform random start (Madry et al. 2018).
* `border_attack` and `deeper_attack`: the two attacks of Frank & Davis's shader method (sec.
  3.3), used by `tfdfkd.adversarial_distill.AdversarialDistiller`.

Loops are `tf.while_loop`s over plain tensors (no variables, no cross-replica ops), so an
attack runs eagerly, inside a `tf.function`, or per replica inside a Keras `train_step` under
`tf.distribute.MirroredStrategy`. Each image's loss depends only on that image (the model runs
in inference mode), so summing the per-image losses gives every image its own gradient.
"""

from __future__ import annotations

from typing import NamedTuple

import tensorflow as tf


def _loss_and_gradient(model, images: tf.Tensor, labels: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
    """Logits of `images` and the gradient of the summed per-image cross-entropy w.r.t. them."""
    with tf.GradientTape() as tape:
        tape.watch(images)
        logits = model(images, training=False)
        loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
    return logits, tape.gradient(loss, images)


def _project(images: tf.Tensor, originals: tf.Tensor, eps) -> tf.Tensor:
    """Onto the L-inf ball of radius eps around `originals`, then into [0, 1]."""
    return tf.clip_by_value(originals + tf.clip_by_value(images - originals, -eps, eps), 0.0, 1.0)


def _per_image(value: tf.Tensor) -> tf.Tensor:
    """(B,) -> (B, 1, 1, 1), to scale or select whole images."""
    return tf.reshape(value, [-1, 1, 1, 1])


def fgsm(model, images, labels, eps: float, targeted: bool = False) -> tf.Tensor:
    """One step of size `eps` along the gradient sign: away from `labels` (untargeted) or
    towards them (targeted, descending their cross-entropy); clipped to [0, 1]."""
    images = tf.convert_to_tensor(images, tf.float32)
    _, gradient = _loss_and_gradient(model, images, tf.cast(labels, tf.int32))
    direction = -1.0 if targeted else 1.0
    return tf.clip_by_value(images + direction * eps * tf.sign(gradient), 0.0, 1.0)


def bim(model, images, labels, eps: float, step: float, iterations: int, targeted: bool = False,
        random_start: bool = False, seed=(0, 0)) -> tf.Tensor:
    """`iterations` FGSM steps of size `step`, each projected onto the eps-ball around `images`
    and into [0, 1]. With `random_start`, first a uniform perturbation in [-eps, eps] (PGD);
    `seed` is a stateless seed (two integers) for it."""
    originals = tf.convert_to_tensor(images, tf.float32)
    labels = tf.cast(labels, tf.int32)
    direction = -1.0 if targeted else 1.0
    x = originals
    if random_start:
        noise = tf.random.stateless_uniform(tf.shape(originals), seed, -eps, eps)
        x = _project(originals + noise, originals, eps)

    def body(i, x):
        _, gradient = _loss_and_gradient(model, x, labels)
        return i + 1, _project(x + direction * step * tf.sign(gradient), originals, eps)

    _, x = tf.while_loop(lambda i, _: i < iterations, body, (tf.constant(0), x))
    return x


def pgd(model, images, labels, eps: float, step: float, iterations: int, targeted: bool = False, seed=(0, 0)) -> tf.Tensor:
    """Projected gradient descent: `bim` from a uniform random start inside the eps-ball."""
    return bim(model, images, labels, eps, step, iterations, targeted=targeted, random_start=True, seed=seed)


class BorderPairs(NamedTuple):
    """What `border_attack` found, per image.

    pre: (B, H, W, C) the last iterate before the image crossed to its target ("pre-success").
    post: (B, H, W, C) the first iterate classified as the target ("post-success").
    kept: (B,) bool, True where the pair meets the filter of sec. 3.3: post classified as the
      target and pre as another class, both with max softmax <= threshold. Where False, pre and
      post are the last two accepted iterates (equal if the image never moved); they are only
      meant for the "(-) filter conditions" ablation.
    step: (B,) the bold driver's step size at the end.
    """

    pre: tf.Tensor
    post: tf.Tensor
    kept: tf.Tensor
    step: tf.Tensor


def border_attack(model, images, targets, eps: float = 10 / 255, step: float = 1 / 255, max_iterations: int = 12,
                  threshold: float = 0.95, grow: float = 1.1, shrink: float = 0.5) -> BorderPairs:
    """Frank & Davis sec. 3.3: targeted L-inf BIM that walks each image across the teacher's
    decision boundary into `targets`, with a per-image bold-driver step size.

    Each iteration proposes x' = proj(x - step * sign(grad CE(target))) for every image still
    searching, and looks at the teacher's softmax of x':

    * not yet the target: accept x', step *= `grow` (sec. 3.3: "the step size will be increased");
    * the target, but max softmax > threshold (overshot): revert to x, step *= `shrink`;
    * the target with max softmax <= threshold, but x (the pre-success image) above the
      threshold: revert to x, step *= `shrink` (to bring x closer to the boundary first);
    * the target, and both x' and x within the threshold: success, (pre, post) = (x, x').

    Images the teacher already classifies as their target are failures (the attack goes "from
    the outside in"). Every iterate is projected onto the eps-ball around the original and into
    [0, 1]. One forward and backward pass of `model` per iteration, on the images still searching
    only: the gradient at x' is kept for the next step when x' is accepted, and a reverted image
    reuses the one it had.

    Args:
      model: frozen logits model; images: (B, H, W, C) in [0, 1]; targets: (B,) class ids.
      eps: L-inf radius (sec. 4: 10 on 0..255); step: initial step (sec. 4: 1 on 0..255);
      max_iterations: sec. 4: 12; threshold: sec. 4: 0.95 (1.0 turns the condition off).
    """
    originals = tf.convert_to_tensor(images, tf.float32)
    targets = tf.cast(targets, tf.int32)
    logits, gradient = _loss_and_gradient(model, originals, targets)
    probabilities = tf.nn.softmax(logits)
    confidence = tf.reduce_max(probabilities, axis=-1)
    searching = tf.not_equal(tf.argmax(logits, axis=-1, output_type=tf.int32), targets)  # at the target already: failure
    kept = tf.zeros_like(searching)
    steps = tf.fill(tf.shape(targets), tf.cast(step, tf.float32))
    state = (tf.constant(0), originals, originals, gradient, confidence, searching, kept, originals, originals, steps)

    def body(i, x, previous, gradient, confidence, searching, kept, pre, post, steps):
        # Only the images still searching are proposed and sent through the model (on a CPU
        # most of the attack's time); every other image's state stays as it is.
        active = tf.where(searching)[:, 0]
        index = active[:, None]
        take = lambda full: tf.gather(full, active)
        put = lambda full, part: tf.tensor_scatter_nd_update(full, index, part)
        x_a, gradient_a, confidence_a, steps_a, goal = take(x), take(gradient), take(confidence), take(steps), take(targets)
        proposal = _project(x_a - _per_image(steps_a) * tf.sign(gradient_a), take(originals), eps)
        logits, proposal_gradient = _loss_and_gradient(model, proposal, goal)
        proposal_confidence = tf.reduce_max(tf.nn.softmax(logits), axis=-1)
        crossed = tf.equal(tf.argmax(logits, axis=-1, output_type=tf.int32), goal)
        accept = ~crossed
        success = crossed & (proposal_confidence <= threshold) & (confidence_a <= threshold)
        revert = crossed & ~success
        pre = put(pre, tf.where(_per_image(success), x_a, take(pre)))
        post = put(post, tf.where(_per_image(success), proposal, take(post)))
        previous = put(previous, tf.where(_per_image(accept), x_a, take(previous)))
        x = put(x, tf.where(_per_image(accept), proposal, x_a))
        gradient = put(gradient, tf.where(_per_image(accept), proposal_gradient, gradient_a))
        confidence = put(confidence, tf.where(accept, proposal_confidence, confidence_a))
        steps = put(steps, tf.where(accept, steps_a * grow, tf.where(revert, steps_a * shrink, steps_a)))
        return i + 1, x, previous, gradient, confidence, put(searching, ~success), put(kept, success), pre, post, steps

    def cond(i, x, previous, gradient, confidence, searching, *_):
        return (i < max_iterations) & tf.reduce_any(searching)

    _, x, previous, _, _, _, kept, pre, post, steps = tf.while_loop(cond, body, state)
    pre = tf.where(_per_image(kept), pre, previous)
    post = tf.where(_per_image(kept), post, x)
    return BorderPairs(pre=pre, post=post, kept=kept, step=steps)


def deeper_attack(model, images, eps: float = 1 / 255) -> tf.Tensor:
    """Frank & Davis sec. 3.3: one targeted step of size `eps` towards each image's own
    teacher prediction, pushing boundary examples "deeper" into the class they are in
    (sec. 4: eps = step = 1 on 0..255, one step). One forward and backward pass."""
    images = tf.convert_to_tensor(images, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(images)
        logits = model(images, training=False)
        own = tf.argmax(tf.stop_gradient(logits), axis=-1, output_type=tf.int32)
        loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(own, logits))
    return tf.clip_by_value(images - eps * tf.sign(tape.gradient(loss, images)), 0.0, 1.0)
