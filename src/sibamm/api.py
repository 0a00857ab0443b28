"""The small top-level API: what exists, and the parameters of a cell."""

from __future__ import annotations

from .compare.registry import SI_MATERIALS, shipped_materials
from .compare.space import AXES
from .experiments import PROTOCOLS
from .parameters.cells import CELLS, get_cell
from .parameters.materials import MATERIALS


def catalogue() -> dict:
    """Cells, materials, protocols and PyBaMM parameter-set names shipped with sibamm."""
    return {
        "cells": {name: c.description for name, c in CELLS.items()},
        "materials": {name: (f.__doc__ or "").strip().splitlines()[0] for name, f in MATERIALS.items()},
        "protocols": {name: p.description for name, p in PROTOCOLS.items()},
        "parameter sets": {f"sibamm_{name}": f"pybamm.ParameterValues('sibamm_{name}')" for name in CELLS},
        "design materials": _design_materials(),
        "design axes": {
            name: f"{a.description}" + (f" [{a.unit}]" if a.unit else "") for name, a in AXES.items()
        },
    }


def _design_materials() -> dict:
    shipped = set(shipped_materials())
    return {
        name: m.description + ("" if name in shipped else f" (not shipped yet: issue {m.issue})")
        for name, m in SI_MATERIALS.items()
    }


def compare_designs(
    space=None, db="compare.sqlite", out=None, json_path=None, workers=None, scheduler=None, progress=True
):
    """Run a design comparison (``sibamm compare``); see :func:`sibamm.compare.compare`."""
    from .compare import compare

    return compare(
        space, db=db, out=out, json_path=json_path, workers=workers, scheduler=scheduler, progress=progress
    )


def parameters(cell: str) -> dict:
    """All parameter values of ``cell`` (sibamm names) with their provenance.

    ``cell`` is a shipped cell name or a parameter-set file written by :func:`fit`.
    """
    return get_cell(cell).values()


def fit(cell: str, protocol: str, parameters, data=None, targets=None, **options):
    """Fit ``parameters`` of ``cell`` to ``data`` and/or ``targets``; see :func:`sibamm.fitting.fit`.

    ``parameters`` are ``"NAME=LOW:HIGH"`` strings or :class:`sibamm.fitting.FreeParameter`;
    the result's ``write_parameter_set(path)`` writes a file every function taking a cell accepts.
    """
    from .fitting import fit as _fit

    return _fit(cell, protocol, parameters, data=data, targets=targets, **options)


def refit(quick: bool = False, **options) -> dict:
    """Recompute every shipped fitted value from its declared targets.

    See :func:`sibamm.fitting.shipped.refit`.
    """
    from .fitting.shipped import refit as _refit

    return _refit(quick=quick, **options)
