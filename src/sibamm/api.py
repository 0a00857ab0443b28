"""The small top-level API: what exists, and the parameters of a cell."""

from __future__ import annotations

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
    }


def parameters(cell: str) -> dict:
    """All parameter values of ``cell`` (sibamm names) with their provenance."""
    return get_cell(cell).values()
