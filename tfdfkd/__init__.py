"""tfdfkd: data-free knowledge distillation for TensorFlow/Keras.

    import tfdfkd
    teacher = tfdfkd.teacher.load("lenet5_fashion_mnist")
    synth = tfdfkd.synthesis.create("zskd", teacher)
    transfer = tfdfkd.transfer_set.write(synth, "runs/di", num_samples=24000)
    student = tfdfkd.models.build("lenet5_half")
    distiller = tfdfkd.Distiller(teacher.logits_model, student, temperature=20.0)

Modules: `data` (datasets), `models` (paper architectures), `zoo` (pretrained teachers),
`teacher` (loading teachers, logits, class templates), `synthesis` (methods, one interface),
`transfer_set` (sharded on-disk sets), `distill` (KD core), `disagreement` (KD that also trains on
nearby images where student and teacher disagree most), `attacks` (FGSM/BIM/PGD and the shader
method's border and deeper attacks), `adversarial_distill` (KD on attacked examples), `augment`,
`export`, `pipeline` (the whole job), `proxy` (proxy images for DeGAN), `strategy` (tf.distribute by name),
`robustness` and `adversarial_training` (attacks on students; robust teachers), `uap` (universal
adversarial perturbations), `incremental`, `incremental_config` and `incremental_run` (class-incremental learning),
`pruning`, `pruning_config` and `pruning_run` (data-free filter pruning), `adaptation`, `adaptation_config`,
`adaptation_run` and `corruptions` (source-free domain adaptation), `checks` (the numeric flag checks
the tools share; the `*_config` modules and `checks` load no TensorFlow).
"""

import importlib

from tfdfkd.errors import TfdfkdError

__version__ = "0.1.0"

# Submodules load on first use (PEP 562), so `import tfdfkd` is cheap and the render worker can
# import `tfdfkd.render` without TensorFlow (TF segfaults in a process that holds an EGL context).
_SUBMODULES = ("adaptation", "adaptation_config", "adaptation_run", "adversarial_distill", "adversarial_training", "attacks", "augment", "checks", "corruptions", "data", "disagreement", "distill", "export",
               "incremental", "incremental_config", "incremental_run", "models", "pipeline", "proxy", "pruning", "pruning_config", "pruning_run", "robustness", "strategy", "synthesis",
               "teacher", "transfer_set", "uap", "zoo")
__all__ = ["Distiller", "TfdfkdError", "adaptation", "adaptation_config", "adaptation_run", "adversarial_distill", "adversarial_training", "attacks", "augment", "checks", "corruptions", "data", "disagreement", "distill",
           "export", "incremental", "incremental_config", "incremental_run", "models", "pipeline", "proxy", "pruning", "pruning_config", "pruning_run", "robustness", "strategy", "synthesis", "teacher",
           "transfer_set", "uap", "zoo"]


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"tfdfkd.{name}")
    if name == "Distiller":
        return importlib.import_module("tfdfkd.distill").Distiller
    raise AttributeError(f"module 'tfdfkd' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
