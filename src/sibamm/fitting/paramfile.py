"""Parameter-set files: a shipped cell plus values that carry their provenance.

A file is JSON (parsed, never executed)::

    {"format": "sibamm parameter set", "version": 1,
     "name": "my_fit", "base cell": "hpss_c_half", "description": "...",
     "values": {"Si particle diffusivity [m2.s-1]":
                  {"value": 9.0e-15, "kind": "fitted", "source": "fit of ... to ...; cost ...",
                   "targets": [...], "cost": 1.2e-4, "date": "2026-11-21", "std": 1e-16}},
     "fit": {...}}

Every command that takes a CELL also takes such a file (``sibamm simulate my_fit.json formation``,
``sibamm list --parameters my_fit.json``, ``sibamm fit my_fit.json ...``): the values replace the
base cell's part values before the derived quantities are computed, and keep their provenance.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..errors import SibammError
from ..parameters.provenance import KINDS, Value

FORMAT = "sibamm parameter set"
SUFFIXES = (".json",)


def is_parameter_file(name) -> bool:
    return isinstance(name, (str, Path)) and str(name).lower().endswith(SUFFIXES)


def write_parameter_file(
    path, base_cell: str, values: dict, name=None, description="", fit=None, parent=None
):
    path = Path(path)
    data = {
        "format": FORMAT,
        "version": 1,
        "name": name or path.stem,
        "base cell": base_cell,
        "description": description,
        "values": values,
    }
    if parent:
        # values of the file this fit started from are kept, unless refitted now
        previous = read_parameter_file(parent)
        data["values"] = {**previous["values"], **values}
    if fit:
        data["fit"] = fit
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, default=str))
    return path


def read_parameter_file(path) -> dict:
    path = Path(path)
    if not path.is_file():
        raise SibammError(f"parameter-set file {str(path)!r} does not exist")
    text = path.read_text()
    if not text.strip():
        raise SibammError(f"parameter-set file {str(path)!r} is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SibammError(
            f"parameter-set file {path.name!r} is not valid JSON ({err.msg}, line {err.lineno})"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SibammError(f'{path.name!r} is not a sibamm parameter set (no "format": "{FORMAT}")')
    if not isinstance(data.get("values"), dict):
        raise SibammError(f"{path.name!r}: 'values' must be an object of NAME: {{value, kind, source}}")
    for key, entry in data["values"].items():
        v = entry.get("value") if isinstance(entry, dict) else None
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise SibammError(f"{path.name!r}: value of {key!r} must be a finite number, got {v!r}")
        if entry.get("kind", "fitted") not in KINDS:
            raise SibammError(f"{path.name!r}: provenance kind of {key!r} must be one of {KINDS}")
    return data


def load_cell(path):
    """A :class:`~sibamm.parameters.cells.Cell` from a parameter-set file."""
    from ..parameters.cells import CELLS, Cell

    data = read_parameter_file(path)
    base_name = data.get("base cell")
    if base_name not in CELLS:
        raise SibammError(
            f"{Path(path).name!r}: unknown base cell {base_name!r}; known cells: {sorted(CELLS)}"
        )
    base = CELLS[base_name]
    file_values = {
        key: Value(
            float(entry["value"]),
            entry.get("kind", "fitted"),
            entry.get("source", f"parameter set {Path(path).name}")
            + (f" ({entry['date']})" if entry.get("date") else ""),
            tuple(
                {k: t.get(k) for k in ("name", "value", "unit", "source", "rmse")}
                for t in entry.get("targets") or ()
                if isinstance(t, dict)
            ),
        )
        for key, entry in data["values"].items()
    }
    part_names = set(base.parts())
    unknown = [k for k in file_values if k not in part_names and k not in base.values()]
    if unknown:
        raise SibammError(
            f"{Path(path).name!r}: unknown parameter {unknown[0]!r} for base cell {base_name!r}; "
            f"see `sibamm list --parameters {base_name}`"
        )
    in_parts = {k: v for k, v in file_values.items() if k in part_names}
    after_derive = {k: v for k, v in file_values.items() if k not in part_names}

    def parts():
        values = base.parts()
        values.update(in_parts)
        return values

    def derive(values):
        out = base.derive(values)
        out.update(after_derive)  # user overrides are applied after this, as for any cell
        return out

    return Cell(
        name=base_name,
        system=base.system,
        cell_type=base.cell_type,
        description=data.get("description") or f"{base.description} (parameter set {Path(path).name})",
        parts=parts,
        derive=derive,
        options=dict(base.options),
    )
