"""Synthesis methods, found by name: `create("zskd", teacher, iterations=...)`.

Every method implements `Synthesizer` (see `tfdfkd.synthesis.base` for the contract); adding
a method is one module plus its `@register` line and an import here.
"""

from tfdfkd.synthesis.base import REGISTRY, SyntheticBatch, Synthesizer, create, register
from tfdfkd.synthesis.impressions import ClassImpressions, DataImpressions, class_similarity, sample_dirichlet_targets

__all__ = ["REGISTRY", "ClassImpressions", "DataImpressions", "SyntheticBatch", "Synthesizer", "class_similarity", "create",
           "register", "sample_dirichlet_targets"]
