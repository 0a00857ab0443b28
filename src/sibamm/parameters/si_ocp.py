"""Open-circuit potential branches of amorphous LixSi from MSMR-type galleries.

Each branch (lithiation, delithiation) is written as the multi-species,
multi-reaction (MSMR) form of Verbrugge et al. (J. Electrochem. Soc. 164 E3243, 2017),
``x(U) = sum_j X_j / (1 + exp((U - U_j) / w_j))``, with one gallery per dQ/dV process:
a-LixSi lithiates through broad processes near 0.25 and 0.10 V and delithiates near
0.30 and 0.55 V (Obrovac & Krause 2007; SCIENCE.md, "Physics common to every system").
The relation is inverted numerically into a smooth interpolant ``U(sto)``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pybamm


@lru_cache(maxsize=64)
def _table(galleries: tuple) -> tuple[np.ndarray, np.ndarray]:
    U_fine = np.linspace(-0.15, 1.8, 20001)
    x_fine = np.zeros_like(U_fine)
    for U_j, X_j, w_j in galleries:
        x_fine += X_j / (1 + np.exp((U_fine - U_j) / w_j))
    x_fine = x_fine / sum(X for _, X, _ in galleries)
    order = np.argsort(x_fine)
    x_fine, U_fine = x_fine[order], U_fine[order]
    # knots: dense near the ends, where U(sto) is steep
    x = np.unique(np.concatenate([np.linspace(0.002, 0.998, 120), [0.0005, 0.001, 0.9985, 0.999, 0.9995]]))
    return x, np.interp(x, x_fine, U_fine)


def msmr_branch(galleries, name):
    """Return ``U(sto)`` for the given ``((U_j, X_j, w_j), ...)`` galleries."""
    galleries = tuple(tuple(float(v) for v in g) for g in galleries)
    x, U = _table(galleries)

    def branch(sto):
        return pybamm.Interpolant(x, U, sto, name=name, interpolator="pchip")

    branch.galleries = galleries
    return branch


def average_branch(lith, delith):
    def average(sto):
        return (lith(sto) + delith(sto)) / 2

    return average


def branch_value(branch, sto):
    """Evaluate a branch numerically (for analysis and tests)."""
    x, U = _table(branch.galleries)
    return np.interp(sto, x, U)
