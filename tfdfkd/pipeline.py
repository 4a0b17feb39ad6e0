"""The whole job, teacher to exported student, as one call: `run(RunConfig(...))`.

This is what `tools/distill.py` runs and what `import tfdfkd` users call for the same result:

1. load the teacher (zoo name, `.keras` file or SavedModel) and build or load the student;
   check they agree on input shape and class count, before anything is written;
2. synthesize the transfer set with the chosen method (`tfdfkd.synthesis`), sharded and
   resumable, into `<out>.partial/transfer_set/`;
3. distill the student on it with Hinton's loss (`tfdfkd.distill.Distiller`, `fit` under the
   strategy, resumable through `keras.callbacks.BackupAndRestore`);
4. measure teacher and student accuracy on the labelled test split of `eval_dataset`, export
   the student, write `metrics.json` and `samples.png`, and rename `<out>.partial` to `<out>`.

A run killed at any point resumes when started again with the same configuration; `<out>`
itself only ever appears complete.

Under a multi-worker strategy every worker runs the same `run(config)`; only the chief writes
`<out>`. The other workers work in a scratch copy of the chief's unfinished run (they must
resume from the same point, since their steps are collectives that pair with the chief's) and
delete it at the end, so `<out>` must be on storage that every worker can read.
"""

from __future__ import annotations

import dataclasses
import math
import os
import shutil
import tempfile
import time

from tfdfkd.checks import at_least_one, positive_finite
from tfdfkd.errors import TfdfkdError
from tfdfkd.io_utils import (
    atomic_path,
    check_writable,
    finish_staging,
    read_json,
    remove_stale_temporaries,
    write_json,
)

PARTIAL_SUFFIX = ".partial"


@dataclasses.dataclass(frozen=True)
class RunConfig:
    """Everything that defines a run; two uninterrupted runs with equal configs produce the same
    result (a resumed one differs slightly: see `run`)."""

    teacher: str  # zoo name, .keras file or SavedModel directory
    student: str  # architecture name (tfdfkd.models.ARCHITECTURES) or .keras file
    out: str
    method: str = "zskd"
    num_samples: int = 24000
    seed: int = 0
    eval_dataset: str | None = None  # default: the zoo card's dataset, when the teacher is a zoo entry
    data_dir: str | None = None
    strategy: str = "mirrored"
    synth_batch_size: int = 100
    synth_settings: tuple[tuple[str, object], ...] = ()  # method config overrides, e.g. (("iterations", 1500),)
    distill_epochs: int = 100
    distill_batch_size: int = 512  # ZSKD appendix: batch 512
    distill_learning_rate: float = 0.01  # ZSKD appendix: Adam 0.01 for the 48,000-DI student
    distill_tau: float = 20.0  # ZSKD: temperature 20
    distill_augment: bool = True  # ZSKD appendix sec. 3 augmentations
    distill_augment_fraction: float = 0.9  # share of each batch augmented (measured: 0.9 beat 0.5 on 3,000 DIs)
    distill_cosine: bool = True  # cosine-decay the learning rate (ZSKD instead fine-tunes at 1e-3)
    # mixup of transfer images during distillation, lambda ~ Beta(a, a); the teacher labels each mixed
    # image itself (Beyer et al. 2022's function matching). 0: off. Methods with their own batches
    # (shaders: mixup is their own setting; DeGAN: latent codes) refuse it.
    distill_mixup: float = 0.0
    # each batch joined by copies of its images moved within this L-inf radius to where student and
    # teacher disagree most (tfdfkd.disagreement), in distill_disagreement_steps steps. 0: off.
    distill_disagreement_eps: float = 0.0
    distill_disagreement_steps: int = 1
    # the result of the final distillation is an exponential moving average of the student's weights
    # over its steps (Polyak averaging; Keras's optimizer use_ema), with this momentum. 0: off, the last
    # step's weights. Not used while interleaved synthesis trains the student (each round would reset it).
    distill_ema: float = 0.0
    # the result of the final distillation is the uniform average of the student's weights at the end
    # of each of its last this-many epochs (stochastic weight averaging). 0: off.
    distill_average_epochs: int = 0
    # the student's optimiser (shader method, Frank & Davis sec. 4: SGD, momentum 0.9, weight decay)
    distill_optimizer: str = "adam"  # "adam" (ZSKD appendix) or "sgd" (with distill_momentum)
    distill_momentum: float = 0.9  # SGD momentum (Frank & Davis sec. 4: 0.9)
    distill_weight_decay: float = 0.0  # Keras's decoupled weight decay (w -= lr * wd * w each step); PyTorch's
    #                                    SGD weight_decay 1e-4 with momentum 0.9 shrinks weights about as much as 1e-3 here
    interleave_steps: int = 50  # methods that adapt to the student: KD steps per new batch (DeepInversion: 50)
    # distill on the growing transfer set while it is synthesized, as Adaptive DeepInversion does, also
    # for methods that do not adapt to the student (separates ADI's competition from its interleaving)
    interleave: bool = False
    num_sample_images: int = 50  # images shown in samples.png
    proxy: str | None = None  # proxy images for the proxy, dcgan and degan methods (tfdfkd.proxy.load), passed as their proxy setting

    def to_json(self) -> dict:
        record = dataclasses.asdict(self)
        record["synth_settings"] = {k: list(v) if isinstance(v, tuple) else v for k, v in self.synth_settings}
        return record


# Fields added after runs were made, with the value a config.json written before them means.
_LATER_FIELDS = {"proxy": None, "distill_optimizer": "adam", "distill_momentum": 0.9, "distill_weight_decay": 0.0,
                 "distill_mixup": 0.0, "interleave": False, "distill_disagreement_eps": 0.0, "distill_disagreement_steps": 1,
                 "distill_ema": 0.0, "distill_average_epochs": 0}


def _same_run(recorded: dict, mine: dict) -> bool:
    """Whether a config.json on disk describes the run `mine` (`RunConfig.to_json()`); one written
    before a field existed has that field's old behaviour, so a run finished then still counts."""
    # `out` is where the record was found, however it was spelled then (relative, a trailing slash).
    return {**_LATER_FIELDS, **recorded, "out": None} == {**_LATER_FIELDS, **mine, "out": None}


def run(config: RunConfig, command: str = "", verbose: int = 1, extra_files: dict[str, str] | None = None) -> dict:
    """Runs (or resumes, or reports a finished) `config`; returns its metrics record.

    A resumed run keeps every finished shard and the student and optimiser of its last finished
    epoch exactly; the input pipeline's shuffling and augmentation (and DeGAN's latent codes)
    start their random streams again, so its remaining epochs see other draws than an
    uninterrupted run would, and the result differs from it by about a run-to-run difference.

    `extra_files` ({name: text}, e.g. a tool's `flags.txt`) are written into the output with the rest.
    """
    from tfdfkd import strategy as strategies
    from tfdfkd.io_utils import git_commit

    commit = git_commit()  # the code that runs, before anything can change the checkout
    check_numbers(config)
    out = os.path.abspath(config.out)
    staging = out + PARTIAL_SUFFIX
    resume = _check_out_dirs(config, out, staging)
    if resume == "finished":
        return read_json(os.path.join(out, "metrics.json"))

    check_writable(out)
    strategy = strategies.get(config.strategy)
    scratch = None
    if not strategies.is_chief(strategy):  # a non-chief worker: see the module docstring
        scratch = tempfile.mkdtemp(prefix="tfdfkd-worker-")
        out = os.path.join(scratch, os.path.basename(out))
        if resume == "resume":
            _mirror(staging, out + PARTIAL_SUFFIX)
        staging = out + PARTIAL_SUFFIX
    try:
        return _validate_and_run(_Job(config, command, commit, verbose, strategy, out, staging, resume == "resume"),
                                 extra_files or {})
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


@dataclasses.dataclass(frozen=True)
class _Job:
    """One invocation: what runs, under which strategy, and where its work lands (`staging`,
    renamed to `out` when finished)."""

    config: RunConfig
    command: str
    commit: str
    verbose: int
    strategy: object
    out: str
    staging: str
    resumed: bool = False  # the staging directory holds an earlier invocation's work


@dataclasses.dataclass(frozen=True)
class _Parts:
    """What a validated run is built from."""

    teacher: object  # tfdfkd.teacher.Teacher
    student: object  # keras.Model
    synthesizer: object  # tfdfkd.synthesis.Synthesizer
    eval_name: str | None
    eval_set: object  # tfdfkd.data.Dataset or None


def _validate_and_run(job: _Job, extra_files: dict[str, str]) -> dict:
    from tfdfkd import synthesis
    from tfdfkd import teacher as teachers

    config, strategy, staging = job.config, job.strategy, job.staging

    # A SavedModel's restored functions stay tied to the context they were loaded in: loaded in a
    # MirroredStrategy's scope, they fail when called in a replica's context. Keras files and zoo
    # teachers are built in the scope, where their variables belong.
    teacher = teachers.load(config.teacher) if os.path.isdir(config.teacher) else None
    with strategy.scope():
        teacher = teacher or teachers.load(config.teacher)
        student = build_student(config, teacher)
        synthesizer = synthesis.create(config.method, teacher, strategy, **_synth_overrides(config, synthesis))
    own_batches = type(synthesizer).training_data is not synthesis.Synthesizer.training_data
    if config.distill_mixup and own_batches:
        raise TfdfkdError(f"--distill_mixup is for methods distilled on their stored images, and {config.method} feeds its own batches",
                          "drop --distill_mixup (the shader method mixes by itself: its mixup setting)")
    own_distiller = type(synthesizer).distiller is not synthesis.Synthesizer.distiller
    if config.distill_disagreement_eps and (own_batches or own_distiller):
        raise TfdfkdError(f"--distill_disagreement_eps is for methods distilled on their stored images, and {config.method} "
                          "distills with its own step", "drop --distill_disagreement_eps")
    if config.interleave and own_batches:
        raise TfdfkdError(f"--interleave is for methods distilled on their stored images, and {config.method} feeds its own batches",
                          "drop --interleave")
    if config.distill_epochs == 0 and not (synthesizer.needs_student() or config.interleave):
        raise TfdfkdError(f"--distill_epochs is 0, and {config.method} does not train the student while it synthesizes",
                          "pass --distill_epochs of at least 1, or add --interleave to keep the student trained alongside synthesis")
    eval_name, eval_set = eval_set_for(config, teacher)

    # Everything is valid: from here on, work lands in the staging directory. A new run that
    # fails on its own terms (NaN) would fail again: its staging directory goes too. A resumed
    # one keeps it: it holds finished work (shards, epochs) that a fix need not redo.
    try:
        os.makedirs(staging, exist_ok=True)
    except OSError as e:
        raise TfdfkdError(f"cannot create {staging} ({e.strerror})", "choose an --out in a writable directory") from None
    remove_stale_temporaries(staging)
    try:
        write_json(os.path.join(staging, "config.json"), config.to_json())  # first: a kill from here on leaves a resumable run
        for name, text in extra_files.items():
            with atomic_path(os.path.join(staging, name)) as tmp, open(tmp, "w") as f:
                f.write(text)
        return _run_in(job, _Parts(teacher, student, synthesizer, eval_name, eval_set))
    except TfdfkdError as e:
        if not job.resumed:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        raise TfdfkdError(f"{e.problem} (its finished work is kept in {staging})",
                          f"{e.fix}; a run with changed settings needs a new --out, or that directory deleted") from e


def _run_in(job: _Job, parts: _Parts) -> dict:
    """Synthesizes, distills, exports and measures in `job.staging`, then renames it to `job.out`."""
    from tfdfkd import distill, export, viz

    config, strategy, staging, verbose = job.config, job.strategy, job.staging, job.verbose
    teacher, student, synthesizer, eval_set = parts.teacher, parts.student, parts.synthesizer, parts.eval_set

    if os.path.exists(os.path.join(staging, "metrics.json")):  # killed after its last write: only the rename is left
        return _finish(staging, job.out)
    started = time.time()
    transfer, interleaved_accuracy = _synthesize(config, strategy, teacher, student, synthesizer, staging, verbose, eval_set)
    synthesis_seconds = transfer.manifest["synthesis_seconds"]

    losses, distill_seconds = [], 0.0  # --distill_epochs=0: the student trained alongside synthesis is the result
    if config.distill_epochs:
        losses, distill_seconds = _distill(config, strategy, teacher, student, transfer, staging, verbose, synthesizer, eval_set)
    if any(not _finite(v) for v in losses):
        raise TfdfkdError("the distillation loss became NaN/Inf", "lower --distill_learning_rate, or check the transfer set for extreme values")

    images, targets = transfer.shard(0)
    n = min(config.num_sample_images, len(images))
    viz.write_png(os.path.join(staging, "samples.png"), viz.sample_grid(images[:n], targets[:n]))
    export.save_student(student, staging)
    metrics = {
        "method": config.method,
        "num_samples": len(transfer),
        "teacher": config.teacher,
        "student": config.student,
        "student_parameters": int(student.count_params()),
        "eval_dataset": parts.eval_name,
        "teacher_accuracy": distill.accuracy(teacher.logits_model, eval_set.images, eval_set.labels) if eval_set else None,
        "student_accuracy": distill.accuracy(student, eval_set.images, eval_set.labels) if eval_set else None,
        # interleaved methods: the student's accuracy when the set was complete, before the final distillation
        "interleaved_student_accuracy": interleaved_accuracy,
        "synthesis_seconds": round(synthesis_seconds, 1),
        "distill_seconds": round(distill_seconds, 1),
        "wall_seconds_this_invocation": round(time.time() - started, 1),
        "final_distillation_loss": float(losses[-1]) if losses else None,
        "seed": config.seed,
        "strategy": config.strategy,
        "replicas": strategy.num_replicas_in_sync,
        "command": job.command,
        "commit": job.commit,
        "config": config.to_json(),
        **synthesizer.report(staging),  # the method's own entries (DeGAN: class histogram and entropy)
    }
    write_json(os.path.join(staging, "metrics.json"), metrics)
    return _finish(staging, job.out)


def _finish(staging: str, out: str) -> dict:
    """Drops the resume state and renames the finished `staging` to `out`; returns its metrics."""
    finish_staging(staging, out, lambda name: name in ("backup", "interleave", "weight_average.npz"))
    return read_json(os.path.join(out, "metrics.json"))


def check_numbers(config: RunConfig) -> None:
    """Refuses sizes and rates that cannot work, before anything is loaded or written."""
    for name in ("num_samples", "synth_batch_size", "distill_batch_size", "interleave_steps"):
        at_least_one(getattr(config, name), name)
    if config.distill_epochs < 0:  # 0 is for interleaved runs, checked once the method is known
        raise TfdfkdError(f"--distill_epochs is {config.distill_epochs}, it must be at least 0", "pass a positive --distill_epochs")
    positive_finite(config.distill_learning_rate, "distill_learning_rate", "0.01")
    if not 0.0 <= config.distill_augment_fraction <= 1.0:
        raise TfdfkdError(f"--distill_augment_fraction is {config.distill_augment_fraction}, it must be in [0, 1]", "pass e.g. 0.9")
    if not config.distill_mixup >= 0.0 or math.isinf(config.distill_mixup):  # also NaN
        raise TfdfkdError(f"--distill_mixup is {config.distill_mixup}, it must be a finite number >= 0", "pass 0 (off) or e.g. 1.0")
    if not 0.0 <= config.distill_disagreement_eps <= 1.0:  # also NaN
        raise TfdfkdError(f"--distill_disagreement_eps is {config.distill_disagreement_eps}, it must be in [0, 1] (pixel units)",
                          "pass 0 (off) or e.g. 0.03")
    if config.distill_disagreement_steps < 1:
        raise TfdfkdError(f"--distill_disagreement_steps is {config.distill_disagreement_steps}, it must be at least 1",
                          "pass 1 (one step of the whole radius) or more")
    if not 0.0 <= config.distill_ema < 1.0:  # also NaN
        raise TfdfkdError(f"--distill_ema is {config.distill_ema}, it must be in [0, 1)", "pass 0 (off) or e.g. 0.999")
    if not 0 <= config.distill_average_epochs <= config.distill_epochs:
        raise TfdfkdError(f"--distill_average_epochs is {config.distill_average_epochs}, it must be in [0, --distill_epochs = "
                          f"{config.distill_epochs}]", "pass 0 (off) or fewer epochs than --distill_epochs, e.g. 10")
    if not 0 <= config.seed < 2**32:
        raise TfdfkdError(f"--seed is {config.seed}, it must be in [0, 2**32)", "pass e.g. 0")
    positive_finite(config.distill_tau, "distill_tau", "20 (ZSKD) or 4")
    if not 0.0 <= config.distill_momentum < 1.0:
        raise TfdfkdError(f"--distill_momentum is {config.distill_momentum}, it must be in [0, 1)", "pass e.g. 0.9")
    if not 0.0 <= config.distill_weight_decay < math.inf:
        raise TfdfkdError(f"--distill_weight_decay is {config.distill_weight_decay}, it must be a finite number >= 0", "pass 0 (off) or e.g. 1e-3")
    _check_synth_numbers(dict(config.synth_settings))


def _check_synth_numbers(settings: dict) -> None:
    """Refuses the common synthesis settings (`--synth_*`) that cannot work; each method's own
    settings are checked by its config."""
    for name in ("iterations", "learning_rate", "tau"):
        value = settings.get(name)
        if value is not None and not (isinstance(value, (int, float)) and 0 < value < math.inf and (name != "iterations" or value >= 1)):
            raise TfdfkdError(f"--synth_{name} is {value}, it must be positive", f"pass a positive --synth_{name} or leave it out for the method's default")
    betas = settings.get("betas")
    if betas is not None and not all(isinstance(b, (int, float)) and 0 < b < math.inf for b in betas):
        raise TfdfkdError(f"--synth_betas is {','.join(str(b) for b in betas)}, each must be a positive Dirichlet concentration",
                          "pass e.g. 1.0,0.1 (ZSKD)")


def _mirror(source: str, destination: str) -> None:
    """A non-chief worker's scratch copy of the chief's unfinished run: shards are linked, the
    rest (config, manifest, backups) copied; TensorBoard logs are left out."""

    def link_shards(src, dst):
        return os.symlink(os.path.abspath(src), dst) if src.endswith(".npz") else shutil.copy2(src, dst)

    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("tensorboard", ".tmp-*"), copy_function=link_shards)


def _finite(value) -> bool:
    import math

    return value is not None and math.isfinite(float(value))


def _check_out_dirs(config: RunConfig, out: str, staging: str) -> str:
    """'new', 'resume' or 'finished'; refuses an `out` that belongs to something else."""
    mine = config.to_json()
    if os.path.exists(out):
        if not os.path.isdir(out):
            raise TfdfkdError(f"--out {out} is a file", "choose a new --out, or delete that file")
        if os.path.exists(os.path.join(out, "metrics.json")) and _records_this_run(os.path.join(out, "config.json"), mine):
            return "finished"
        raise TfdfkdError(f"--out {out} exists and is not a finished run of this command",
                          "choose a new --out, or delete that directory")
    if os.path.exists(staging):
        if _records_this_run(os.path.join(staging, "config.json"), mine):
            return "resume"
        if not [n for n in os.listdir(staging) if n != "flags.txt" and not n.startswith(".tmp-")]:
            return "new"  # killed before it recorded its settings: nothing finished to keep
        raise TfdfkdError(f"{staging} holds an unfinished run with other settings",
                          "run that command again to finish it, or delete the directory")
    return "new"


def _records_this_run(config_path: str, mine: dict) -> bool:
    """Whether `config_path` exists, reads, and describes the run `mine`."""
    try:
        return _same_run(read_json(config_path), mine)
    except (OSError, ValueError):  # missing, or cut short by a kill or a full disk
        return False


def _synth_overrides(config: RunConfig, synthesis) -> dict:
    """The method's config overrides: --synth_settings, plus --proxy as its `proxy` setting."""
    overrides = dict(config.synth_settings)
    if config.proxy is not None:
        cls = synthesis.REGISTRY.get(config.method)
        if cls is not None and "proxy" not in {f.name for f in dataclasses.fields(cls.Config)}:
            raise TfdfkdError(f"--proxy is for the methods that learn from proxy images, not {config.method}",
                              "drop --proxy, or use --method=proxy, dcgan or degan")
        overrides["proxy"] = config.proxy
    return overrides


def eval_set_for(config: RunConfig, teacher) -> tuple:
    """(name, test split) of `--eval_dataset`, else of the zoo teacher's dataset, checked against
    `teacher`; (None, None) when there is neither."""
    from tfdfkd import data, zoo

    eval_name = config.eval_dataset or (zoo.card(config.teacher)["dataset"] if config.teacher in zoo.list() else None)
    if eval_name is None:
        return None, None
    eval_set = data.load(eval_name, "test", config.data_dir)
    check_eval_set(eval_name, eval_set, teacher)
    return eval_name, eval_set


def check_eval_set(eval_name: str, eval_set, teacher) -> None:
    """Refuses a labelled test set whose images or classes `teacher` cannot be measured on."""
    if eval_set.images.shape[1:] != tuple(teacher.input_shape):
        raise TfdfkdError(f"--eval_dataset {eval_name} has images of shape {eval_set.images.shape[1:]}, the teacher takes {tuple(teacher.input_shape)}",
                          "evaluate on the dataset the teacher was trained for")
    if eval_set.num_classes != teacher.num_classes:
        raise TfdfkdError(f"--eval_dataset {eval_name} has {eval_set.num_classes} classes, the teacher {teacher.num_classes}",
                          "evaluate on the dataset the teacher was trained for")


def build_student(config: RunConfig, teacher):
    """`config.student` (an architecture, a zoo entry or a .keras file), checked against `teacher`'s
    input shape and classes. A zoo entry or a file starts from its weights (a later round of a
    method that plays against its student, for one); an architecture starts from a seeded init."""
    from tfdfkd import models, zoo
    from tfdfkd import teacher as teachers

    if os.path.isdir(config.student):
        raise TfdfkdError(f"student {config.student} is a SavedModel directory, which keeps no trainable Keras layers",
                          "give a .keras student (model.save('student.keras')) or an architecture name such as lenet5_half")
    if config.student.endswith((".keras", ".h5")):
        student = teachers.load_keras_model(config.student)
    elif config.student in models.ARCHITECTURES:
        student = models.build(config.student, teacher.input_shape, teacher.num_classes, seed=config.seed)
    elif config.student in zoo.list():
        student = zoo.load(config.student)
    else:
        raise TfdfkdError(f"unknown student {config.student!r}", f"use an architecture ({', '.join(models.ARCHITECTURES)}), "
                          "a zoo entry (tfdfkd.zoo.list()) or a .keras file")
    if tuple(student.input_shape[1:]) != teacher.input_shape:
        raise TfdfkdError(f"student input shape {tuple(student.input_shape[1:])} differs from the teacher's {teacher.input_shape}",
                          "give a student built for the teacher's input shape")
    teachers.check_float_input(student, "student")
    if int(student.output_shape[-1]) != teacher.num_classes:
        raise TfdfkdError(f"student has {student.output_shape[-1]} classes, the teacher {teacher.num_classes}",
                          "give a student with the teacher's number of classes")
    return student


def training_data(config, transfer, shuffle_seed, synthesizer=None):
    """The transfer set as shuffled (and, with distill_augment, augmented; with distill_mixup,
    mixed) image batches, or the method's own batches where it has them (the shader method:
    images, targets, its augmentation)."""
    import tensorflow as tf

    from tfdfkd.augment import ZSKDAugmentation, mixup

    own = synthesizer.training_data(transfer, config.distill_batch_size, shuffle_seed, config.distill_augment) if synthesizer else None
    if own is not None:
        return own
    data = transfer.dataset(config.distill_batch_size, shuffle_seed=shuffle_seed)
    if config.distill_augment:
        augment = ZSKDAugmentation(fraction=config.distill_augment_fraction, seed=shuffle_seed)
        data = data.map(lambda x: augment(x, training=True))
    if config.distill_mixup:
        # each batch mixes with a permutation of itself, with new draws every batch and epoch
        seeds = tf.data.Dataset.random(seed=shuffle_seed, rerandomize_each_iteration=True)
        data = tf.data.Dataset.zip(seeds, data).map(
            lambda s, x: mixup(x, None, tf.stack([s, tf.constant(shuffle_seed, tf.int64)]), alpha=config.distill_mixup)[0])
    return data


def make_distiller(config, strategy, teacher, student, steps, synthesizer=None, final=False):
    """A compiled distiller under `strategy` (the method's own, else Hinton's `Distiller`, or with
    distill_disagreement_eps the `DisagreementDistiller`), Adam or SGD with optional cosine decay over `steps`.
    `final`: the distillation whose student is the result, which alone averages the weights (distill_ema)."""
    import keras

    from tfdfkd import distill
    from tfdfkd.disagreement import DisagreementDistiller

    with strategy.scope():
        lr = config.distill_learning_rate
        if config.distill_cosine:
            lr = keras.optimizers.schedules.CosineDecay(lr, steps)
        if config.distill_disagreement_eps:  # stored-image methods only (checked before the run starts)
            distiller = DisagreementDistiller(teacher.logits_model, student, temperature=config.distill_tau,
                                              eps=config.distill_disagreement_eps, steps=config.distill_disagreement_steps)
        elif synthesizer is not None:
            distiller = synthesizer.distiller(student, config.distill_tau, seed=config.seed)
        else:
            distiller = distill.Distiller(teacher.logits_model, student, temperature=config.distill_tau)
        distiller.compile(optimizer=_optimizer(config, lr, config.distill_ema if final else 0.0))
    return distiller


def _optimizer(config, learning_rate, ema: float = 0.0):
    """The student's optimiser: Adam (ZSKD) or SGD with momentum (Frank & Davis sec. 4). With `ema`,
    it keeps a moving average of the weights and writes it into them when `fit` ends."""
    import keras

    decay = config.distill_weight_decay or None
    average = {"use_ema": True, "ema_momentum": ema} if ema else {}
    if config.distill_optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate, momentum=config.distill_momentum, weight_decay=decay, **average)
    if config.distill_optimizer == "adam":
        return keras.optimizers.Adam(learning_rate, weight_decay=decay, **average)
    raise TfdfkdError(f"unknown distillation optimiser {config.distill_optimizer!r}", "use adam or sgd")


def _distill(config, strategy, teacher, student, transfer, staging, verbose, synthesizer=None, eval_set=None):
    """Fits the student on the transfer set under `strategy`, resumable from `staging/backup`;
    returns its loss per epoch and the training seconds, killed earlier invocations included (a
    run killed after its last epoch resumes with nothing left to train and reports that epoch's
    loss from the backup, which `_finish` removes). With an
    `eval_set`, each epoch logs the student's accuracy on it (`eval_accuracy`, watched, never used)."""
    import keras

    from tfdfkd.backup import BackupAndRestore
    from tfdfkd.distill import EvalAccuracy, WeightAverage

    steps = -(-len(transfer) // config.distill_batch_size) * config.distill_epochs
    distiller = make_distiller(config, strategy, teacher, student, steps, synthesizer, final=True)
    backup = BackupAndRestore(os.path.join(staging, "backup"))  # Keras's, with atomic backups (tfdfkd/backup.py)
    average = config.distill_average_epochs
    callbacks = [
        *([WeightAverage(student, config.distill_epochs, average, os.path.join(staging, "weight_average.npz"))] if average else []),
        backup,
        *([EvalAccuracy(student, eval_set.images, eval_set.labels)] if eval_set is not None else []),
        keras.callbacks.TensorBoard(os.path.join(staging, "tensorboard", "distill"), write_graph=False),
        keras.callbacks.TerminateOnNaN(),
    ]
    # shuffle=False: the tf.data pipeline shuffles (Keras ignores, with a warning, shuffle=True on a dataset).
    data = training_data(config, transfer, config.seed, synthesizer)
    if config.strategy == "default" and not distiller.built:
        # Keras builds a model before fit() only under a strategy other than the default one, and
        # the backup must restore into built variables.
        distiller._symbolic_build(data_batch=next(iter(data)))
    history = distiller.fit(data, epochs=config.distill_epochs, callbacks=callbacks, verbose=verbose, shuffle=False)
    # Keras's `loss`, not the Distiller's `distillation_loss`: Keras 3.15's Distiller logs its terms
    # after they were divided by the replica count (equal on one replica; the gradients are right).
    losses = history.history.get("loss") or [backup.last_logs[name] for name in ("loss",) if name in backup.last_logs]
    return losses, backup.training_seconds()


def _synthesize(config, strategy, teacher, student, synthesizer, staging, verbose, eval_set=None):
    """Writes the transfer set; returns it and, for interleaved runs with an `eval_set`, the
    student's accuracy once the set is complete (else None).

    Methods that adapt to the student (Adaptive DeepInversion) get a new batch after every
    `interleave_steps` distillation steps on the set so far (DeepInversion sec. 4.1: one batch
    every 50 KD iterations, merged into the growing set), and so does every stored-image method
    under `config.interleave`. The student and its optimiser are checkpointed after each batch,
    so a killed run resumes where it stopped; the student as the finished set leaves it is kept as
    `interleaved_student.keras`. With an `eval_set`, the student's accuracy after
    each round goes to TensorBoard (`tensorboard/interleave`), for watching only."""
    import keras
    import tensorflow as tf

    from tfdfkd import distill, transfer_set

    directory, log_dir = os.path.join(staging, "transfer_set"), os.path.join(staging, "tensorboard", "synthesis")
    common = {"batch_size": config.synth_batch_size, "seed": config.seed, "verbose": verbose, "log_dir": log_dir}
    synthesizer.prepare(staging, config.seed, verbose)  # one-off work, resumable from staging (DeGAN: the GAN)
    if not (synthesizer.needs_student() or config.interleave):
        return transfer_set.write(synthesizer, directory, config.num_samples, **common), None

    rounds = -(-config.num_samples // config.synth_batch_size)
    distiller = make_distiller(config, strategy, teacher, student, rounds * config.interleave_steps, synthesizer)
    checkpoint = tf.train.Checkpoint(student=student, optimizer=distiller.optimizer)
    manager = tf.train.CheckpointManager(checkpoint, os.path.join(staging, "interleave"), max_to_keep=1)
    distilled = 0  # shards the student has been trained on
    if manager.latest_checkpoint:
        checkpoint.restore(manager.latest_checkpoint)
        distilled = int(manager.latest_checkpoint.rsplit("-", 1)[1])
    synthesizer.update(student)
    callbacks = [keras.callbacks.TensorBoard(os.path.join(staging, "tensorboard", "interleave"), write_graph=False)]
    if eval_set is not None:
        callbacks.insert(0, distill.EvalAccuracy(student, eval_set.images, eval_set.labels))

    def after_shard(index, transfer):
        if index < distilled:
            return
        data = training_data(config, transfer, config.seed + index, synthesizer).repeat()
        # one Keras epoch per round, numbered by the round, so TensorBoard draws the curve over rounds
        distiller.fit(data, steps_per_epoch=config.interleave_steps, initial_epoch=index, epochs=index + 1,
                      callbacks=callbacks, verbose=0, shuffle=False)
        manager.save(checkpoint_number=index + 1)

    transfer = transfer_set.write(synthesizer, directory, config.num_samples, shard_size=config.synth_batch_size,
                                  after_shard=after_shard, **common)
    interleaved_path = os.path.join(staging, "interleaved_student.keras")
    if not os.path.exists(interleaved_path):
        # the student as synthesis left it, before the final distillation: a start for another
        # recipe on the finished set (tools/redistill.py), or the result of --distill_epochs=0
        with atomic_path(interleaved_path) as tmp:
            student.save(tmp)
    return transfer, (distill.accuracy(student, eval_set.images, eval_set.labels) if eval_set is not None else None)
