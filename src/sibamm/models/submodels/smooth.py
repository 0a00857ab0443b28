"""Smooth versions of |x|, max(x, 0), max(a, b) and a step, shared by the submodels.

Kinks at zero current make the DAE solver cut its step at every rest and current
reversal; these smooth them over a small width that is far below the physical scales
(strain rates at 0.1C are ~1e-5 s-1).
"""

import pybamm

RATE_FLOOR = 1e-8  # s-1


def smooth_abs(x, width=RATE_FLOOR):
    return pybamm.sqrt(x**2 + width**2)


def smooth_positive(x, width=RATE_FLOOR):
    return (x + smooth_abs(x, width)) / 2


def soft_positive(x, width):
    """max(x, 0) smoothed with exponential tails (softplus), for thresholds that must stay off.

    Unlike :func:`smooth_positive`, whose algebraic tail ``width**2 / 4|x|`` leaks far
    below the threshold, this vanishes like ``width * exp(-|x| / width)``.
    """
    return pybamm.maximum(x, 0) + width * pybamm.log(1 + pybamm.exp(-abs(x) / width))


def smooth_max(a, b, width):
    """max(a, b) smoothed over ``width``; returns the value and its derivatives d/da, d/db."""
    root = pybamm.sqrt((a - b) ** 2 + width**2)
    return (a + b + root) / 2, (1 + (a - b) / root) / 2, (1 + (b - a) / root) / 2


def smooth_step(x, width):
    return 0.5 * (1 + pybamm.tanh(x / width))


def smooth_min(a, b, width):
    return (a + b - pybamm.sqrt((a - b) ** 2 + width**2)) / 2
