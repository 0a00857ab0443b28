"""Smooth versions of |x|, max(x, 0), max(a, b) and a step, shared by the submodels.

Kinks at zero current make the DAE solver cut its step at every rest and current
reversal; these smooth them over a small width that is far below the physical scales
(strain rates at 0.1C are ~1e-5 s-1).
"""

import casadi
import numpy as np
import pybamm

RATE_FLOOR = 1e-8  # s-1


def smooth_abs(x, width=RATE_FLOOR):
    return pybamm.sqrt(x**2 + width**2)


def smooth_positive(x, width=RATE_FLOOR):
    """(x + sqrt(x**2 + width**2)) / 2, written with ``x`` once: ``width/2 exp(asinh(x/width))``.

    The identity ``exp(asinh(z)) = z + sqrt(z**2 + 1)`` keeps one copy of ``x`` in the expression
    tree (PyBaMM walks trees without sharing, so nested smooth functions otherwise grow
    exponentially) and avoids the cancellation of the algebraic form for ``x << -width``.
    """
    return width / 2 * pybamm.exp(pybamm.arcsinh(x / width))


def _np_softplus(x):
    with np.errstate(invalid="ignore"):  # PyBaMM evaluates shapes on NaN states
        return np.logaddexp(0, x)


class Softplus(pybamm.SpecificFunction):
    """``log(1 + exp(x))`` as one expression node, evaluated without overflow.

    Written out in PyBaMM's operators the stable form needs ``x`` twice
    (``max(x, 0) + log(1 + exp(-|x|))``); as one node the argument appears once, so trees that
    nest thresholds stay linear in size. Its derivative is the logistic function.
    """

    __slots__ = ()

    def __init__(self, child):
        super().__init__(_np_softplus, child)

    def _casadi_evaluate(self, child):
        return casadi.fmax(child, 0) + casadi.log1p(casadi.exp(-casadi.fabs(child)))

    def _function_diff(self, children, idx):
        return 0.5 * (1 + pybamm.tanh(children[0] / 2))


def soft_positive(x, width):
    """max(x, 0) smoothed with exponential tails (softplus), for thresholds that must stay off.

    Unlike :func:`smooth_positive`, whose algebraic tail ``width**2 / 4|x|`` leaks far
    below the threshold, this vanishes like ``width * exp(-|x| / width)``.
    """
    return width * Softplus(x / width)


def smooth_max(a, b, width):
    """max(a, b) smoothed over ``width``; returns the value and its derivatives d/da, d/db."""
    root = pybamm.sqrt((a - b) ** 2 + width**2)
    return (a + b + root) / 2, (1 + (a - b) / root) / 2, (1 + (b - a) / root) / 2


def smooth_step(x, width):
    return 0.5 * (1 + pybamm.tanh(x / width))


def smooth_min(a, b, width):
    """min(a, b) smoothed over ``width``: ``b - smooth_positive(b - a)``, with ``a`` once."""
    return b - smooth_positive(b - a, width)
