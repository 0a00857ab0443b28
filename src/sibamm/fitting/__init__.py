"""Fitting: any parameter of any cell, to reported metrics or cycler data; refit every shipped set.

::

    import sibamm
    from sibamm.fitting import FreeParameter
    result = sibamm.fit(
        "hpss_c_half", "formation", data="run.csv",
        parameters=[FreeParameter("Si particle diffusivity [m2.s-1]", 3e-16, 9e-14)],
    )
    result.parameters, result.cost, result.uncertainty
    result.write_parameter_set("fitted.json")     # loadable: sibamm.simulate("fitted.json", ...)
"""

from __future__ import annotations

import math
from pathlib import Path

from ..errors import SibammError
from ..experiments import get_protocol
from ..parameters.cells import get_cell
from ..simulation import electrode_area_m2
from . import data as data_io
from .engine import OPTIMISERS, Problem
from .engine import fit as _fit
from .free import FreeParameter, parse_param
from .result import FitResult
from .targets import CycleTableTarget, ScalarTarget, Target, TimeSeriesTarget, metric_names

__all__ = [
    "OPTIMISERS",
    "CycleTableTarget",
    "FitResult",
    "FreeParameter",
    "Problem",
    "ScalarTarget",
    "Target",
    "TimeSeriesTarget",
    "fit",
    "make_targets",
    "metric_names",
    "parse_param",
    "parse_target",
]


def parse_target(text: str) -> tuple[str, float | None]:
    """``"METRIC"`` or ``"METRIC=VALUE"`` -> (name, value or None)."""
    name, sep, value = str(text).rpartition("=")
    if not sep:
        return str(text).strip(), None
    try:
        return name.strip(), float(value)
    except ValueError:
        raise SibammError(f"--target {name.strip()!r}: value {value.strip()!r} is not a number") from None


def make_targets(
    cell,
    protocol: str,
    data=None,
    targets=None,
    weights: dict | None = None,
    sigmas: dict | None = None,
) -> list[Target]:
    """Build fit targets from a data file and/or named metrics.

    Parameters
    ----------
    cell, protocol : str
        The cell (or parameter-set file) and protocol the data come from.
    data : path, optional
        A time-series CSV, per-cycle table CSV, metrics JSON or cycler export
        (see :mod:`sibamm.fitting.data`).
    targets : list of str, optional
        Names to use from ``data`` (metric names, table columns, ``"Voltage [V]"``), and/or
        ``"METRIC=VALUE"`` scalar targets given directly. Default: everything in ``data``.
    weights, sigmas : dict, optional
        Per-target weight (default 1) and sigma (default: the stated tolerance, see
        :data:`sibamm.fitting.targets.SIGMA`).
    """
    cell_def = get_cell(cell)
    proto = get_protocol(protocol, cell_def.cell_type)
    weights, sigmas = dict(weights or {}), dict(sigmas or {})
    for label, table, allowed in (("weight", weights, "a number >= 0"), ("sigma", sigmas, "a number > 0")):
        for name, v in table.items():
            ok = isinstance(v, (int, float)) and math.isfinite(v) and (v >= 0 if label == "weight" else v > 0)
            if not ok:
                raise SibammError(f"{label} of target {name!r} is {v!r}; it must be {allowed}")
    wanted, inline = [], []
    for spec in targets or []:
        name, value = parse_target(spec)
        (wanted if value is None else inline).append((name, value))
    out: list[Target] = []
    available: list[str] = []
    source = Path(data).name if data is not None else ""
    chosen = {n.lower() for n, _ in wanted}

    def pick(name):
        return not wanted or name.lower() in chosen

    if data is not None:
        kind, payload = data_io.load(data, cell_def.cell_type, cell_def.name, protocol)
        if kind == "timeseries":
            available = ["Voltage [V]"]
            if pick("Voltage [V]"):
                out.append(
                    TimeSeriesTarget(
                        payload,
                        sigma=sigmas.get("Voltage [V]"),
                        weight=weights.get("Voltage [V]", 1.0),
                        source=source,
                    )
                )
        elif kind == "cycles":
            for col in payload.columns:
                if col == "cycle":
                    continue
                available.append(col)
                if pick(col):
                    if col != "CE [%]" and (payload[col] <= 0).any():
                        raise SibammError(
                            f"{source}: column {col!r} has capacities <= 0; remove those cycles"
                        )
                    out.append(
                        CycleTableTarget(
                            payload[["cycle", col]],
                            col,
                            electrode_area_m2(cell_def.parameter_values()) * 1e4,
                            sigma=sigmas.get(col),
                            weight=weights.get(col, 1.0),
                            source=source,
                        )
                    )
        else:
            for m in payload:
                available.append(m["metric"])
                if pick(m["metric"]):
                    out.append(
                        ScalarTarget(
                            m["metric"],
                            float(m["value"]),
                            proto,
                            cell_def.cell_type,
                            unit=m.get("unit") or "",
                            sigma=sigmas.get(m["metric"], m.get("tolerance")),
                            weight=weights.get(m["metric"], 1.0),
                            source=m.get("source") or source,
                            comparison=m.get("comparison") or "within",
                        )
                    )
        missing = [n for n, _ in wanted if n.lower() not in {a.lower() for a in available}]
        if missing:
            raise SibammError(f"--target {missing[0]!r} is not in {source}; it offers {available}")
    elif wanted:
        raise SibammError(
            f"--target {wanted[0][0]!r} needs a value (METRIC=VALUE) or a --data file that contains it"
        )
    for name, value in inline:
        out.append(
            ScalarTarget(
                name,
                value,
                proto,
                cell_def.cell_type,
                sigma=sigmas.get(name),
                weight=weights.get(name, 1.0),
                source="given on the command line",
            )
        )
    if not out:
        raise SibammError("no fit targets: give --data FILE and/or --target METRIC=VALUE")
    names = [t.name for t in out]
    for label, table in (("--weight", weights), ("--sigma", sigmas)):
        for name in table:
            if name not in names:
                raise SibammError(f"{label} {name!r} matches no target; targets: {names}")
    return out


def fit(
    cell,
    protocol: str,
    parameters,
    data=None,
    targets=None,
    weights=None,
    sigmas=None,
    **kwargs,
) -> FitResult:
    """Fit ``parameters`` (``FreeParameter`` objects or ``"NAME=LOW:HIGH"`` strings) of ``cell`` to ``data``
    and/or ``targets``; see :func:`sibamm.fitting.engine.fit` for the options."""
    params = [p if isinstance(p, FreeParameter) else parse_param(p) for p in parameters]
    target_list = make_targets(cell, protocol, data=data, targets=targets, weights=weights, sigmas=sigmas)
    return _fit(cell, protocol, target_list, params, **kwargs)
