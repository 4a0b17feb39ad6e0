"""Uniform model soups: one student whose weights are the mean of several students' weights.

Students distilled from the same starting weights with different seeds (shuffling, augmentation,
mixup draws) end in nearby points of one basin; the mean of their weights sits nearer its
middle than any of them and often does better than each (Wortsman et al. 2022, "Model soups").
The soup is uniform: choosing members by their accuracy would need labelled data, which a
data-free run does not have. Not in the data-free distillation papers.
"""

from __future__ import annotations

import keras
import numpy as np

from tfdfkd.errors import TfdfkdError


def soup_weights(students: list[keras.Model]) -> list[np.ndarray]:
    """The element-wise mean of the students' weights, in `get_weights()` order, in each
    weight's own dtype. The students must share one architecture (the same weight shapes)."""
    if len(students) < 2:
        raise TfdfkdError(f"a soup needs at least 2 students, got {len(students)}", "pass two or more students")
    shapes = [[w.shape for w in s.get_weights()] for s in students]
    for i, other in enumerate(shapes[1:], start=1):
        if other != shapes[0]:
            raise TfdfkdError(f"student {i} has weights of shapes {other}, student 0 {shapes[0]}: they are not one architecture",
                              "soup students of the same architecture, distilled from the same starting weights")
    weights = [s.get_weights() for s in students]
    return [np.mean([w[k].astype(np.float64) for w in weights], axis=0).astype(weights[0][k].dtype)
            for k in range(len(weights[0]))]
