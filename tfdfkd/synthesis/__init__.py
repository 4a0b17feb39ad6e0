"""Synthesis methods, found by name: `create("zskd", teacher, iterations=...)`.

Every method implements `Synthesizer` (see `tfdfkd.synthesis.base` for the contract); adding
a method is one module plus its `@register` line and an import here.
"""

from tfdfkd.synthesis.base import (
           REGISTRY,
           Synthesizer,
           SyntheticBatch,
           create,
           parse_settings,
           register,
)
from tfdfkd.synthesis.degan import DCGAN, DeGAN, ProxyImages
from tfdfkd.synthesis.impressions import (
           ClassImpressions,
           DataImpressions,
           class_similarity,
           sample_dirichlet_targets,
)
from tfdfkd.synthesis.inversion import (
           AdaptiveDeepInversion,
           DeepDream,
           DeepInversion,
           Noise,
)
from tfdfkd.synthesis.shaders import ShaderImages

__all__ = ["DCGAN", "REGISTRY", "AdaptiveDeepInversion", "ClassImpressions", "DataImpressions", "DeGAN", "DeepDream", "DeepInversion",
           "Noise", "ProxyImages", "ShaderImages", "Synthesizer", "SyntheticBatch", "class_similarity", "create", "parse_settings", "register", "sample_dirichlet_targets"]
