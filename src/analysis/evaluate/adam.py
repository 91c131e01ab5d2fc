"""Full-batch Adam for the two small logistic regressions the project learns its tables with.

``learn-sources`` (:mod:`analysis.evaluate.learn_sources`, sparse binary features) and
``learn-genlook`` (:mod:`analysis.evaluate.genlook`, a few dense signals with weights kept
≥ 0) differ in how they compute the gradient; the optimiser is this one (Kingma & Ba 2015,
with its usual constants). numpy only: scikit-learn's solvers do not keep weights ≥ 0.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

Gradient = Callable[[np.ndarray, float], tuple[np.ndarray, float]]


def adam(gradient: Gradient, k: int, *, iterations: int, learning_rate: float,
         non_negative: bool = False) -> tuple[np.ndarray, float]:
    """Weights (``k`` of them) and bias after ``iterations`` steps on ``gradient(w, b)``
    (which returns the gradients of the weights and of the bias); with ``non_negative`` each
    step is projected back onto weights ≥ 0."""
    w, b = np.zeros(k), 0.0
    m_w, v_w, m_b, v_b = np.zeros(k), np.zeros(k), 0.0, 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, iterations + 1):
        g_w, g_b = gradient(w, b)
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w ** 2
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b ** 2
        step = learning_rate * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        w = w - step * m_w / (np.sqrt(v_w) + eps)
        if non_negative:
            w = np.maximum(0.0, w)
        b -= step * m_b / (np.sqrt(v_b) + eps)
    return w, float(b)
