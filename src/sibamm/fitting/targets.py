"""Fit targets: what a simulation is compared with.

Each target turns a :class:`~sibamm.simulation.SimulationResult` into a vector of residuals
``simulated - measured`` in its own unit, with a scale ``sigma`` (the measurement uncertainty
or tolerance) and a weight. The fit minimises

    cost = sum_k  weight_k / N_k * sum_i (r_ki / sigma_k)^2

so each target counts by its weight, whatever its number of points.

Scalar metrics are named as in the validation records (``sibamm validate --json``):
see :data:`METRICS` for the grammar ("initial Coulombic efficiency", "delithiation capacity
after 800 cycles at 1C", "retention after 100 cycles", "average CE, cycles 2-800", ...).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import SibammError
from ..experiments import Protocol
from .data import CURRENT, CYCLE, TIME, VOLTAGE

#: default tolerances (DESIGN.md section 5), used as sigma when the data gives none
SIGMA = {"%_ce": 1.0, "%_ret": 5.0, "%_geom": 3.0, "capacity_rel": 0.03, "transport_rel": 0.20}


def formation_cycles(protocol: Protocol) -> int:
    """Cycles at the start of ``protocol`` whose block is labelled as formation."""
    n = 0
    for block in protocol.blocks:
        if not block.label.lower().startswith("formation"):
            break
        n += block.repeats
    return n


def cycle_after(protocol: Protocol, n: int) -> int:
    """The cycle at which "after N cycles" is read: N cycles after formation, or cycle N when the
    protocol counts its formation cycles among its N (the HPSS 1C protocol: 800 cycles in all)."""
    after = formation_cycles(protocol) + n
    return n if after > protocol.n_cycles and n <= protocol.n_cycles else after


@dataclass
class Metric:
    """A scalar metric read from a simulation's per-cycle table."""

    pattern: str
    unit: str
    sigma_kind: str
    read: object  # (table, match, protocol, cell_type) -> float
    cycles: object  # (match, protocol) -> int
    help: str = ""


def _row(table: pd.DataFrame, cycle: int) -> pd.Series:
    if len(table) < cycle:
        raise _Missing(cycle)
    return table.iloc[cycle - 1]


class _Missing(Exception):
    """The simulation stopped before the cycle a metric needs."""


def _capacity_col(kind: str, unit: str, cell_type: str) -> str:
    kind = kind.lower()
    if kind in ("discharge", "charge"):
        lith = "discharge" if cell_type == "half" else "charge"
        kind = "lithiation" if kind == lith else "delithiation"
    unit = {"mAh g-1": "mAh/g", "mAh/cm²": "mAh/cm2", "mAh cm-2": "mAh/cm2"}.get(unit, unit)
    return f"{kind} capacity [{unit}]"


def _mean_ce(table, a, b):
    if len(table) < b:
        raise _Missing(b)
    return float(table["CE [%]"].iloc[a - 1 : b].mean())


METRICS = [
    Metric(
        r"first (?P<kind>lithiation|delithiation) capacity",
        "mAh/g",
        "capacity_rel",
        lambda t, m, p, c, u: float(_row(t, 1)[_capacity_col(m["kind"], u, c)]),
        lambda m, p: 1,
        "capacity of cycle 1",
    ),
    Metric(
        r"(initial coulombic efficiency|ice|first-cycle ce|initial ce)",
        "%",
        "%_ce",
        lambda t, m, p, c, u: float(_row(t, 1)["CE [%]"]),
        lambda m, p: 1,
        "CE of cycle 1",
    ),
    Metric(
        r"(?P<kind>lithiation|delithiation|charge|discharge) capacity at cycle (?P<n>\d+)",
        "mAh/g",
        "capacity_rel",
        lambda t, m, p, c, u: float(_row(t, int(m["n"]))[_capacity_col(m["kind"], u, c)]),
        lambda m, p: int(m["n"]),
        "capacity of cycle N",
    ),
    Metric(
        r"(?P<kind>lithiation|delithiation|charge|discharge) capacity after (?P<n>\d+) cycles.*",
        "mAh/g",
        "capacity_rel",
        lambda t, m, p, c, u: float(_row(t, cycle_after(p, int(m["n"])))[_capacity_col(m["kind"], u, c)]),
        lambda m, p: cycle_after(p, int(m["n"])),
        "capacity N cycles after formation",
    ),
    Metric(
        r"CE at cycle (?P<n>\d+)",
        "%",
        "%_ce",
        lambda t, m, p, c, u: float(_row(t, int(m["n"]))["CE [%]"]),
        lambda m, p: int(m["n"]),
        "CE of cycle N",
    ),
    Metric(
        r"(capacity )?retention after (?P<n>\d+) cycles.*",
        "%",
        "%_ret",
        lambda t, m, p, c, u: float(_row(t, cycle_after(p, int(m["n"])))["retention [%]"]),
        lambda m, p: cycle_after(p, int(m["n"])),
        "delithiation capacity retention vs cycle 2",
    ),
    Metric(
        r"average CE, cycles (?P<a>\d+)-(?P<b>\d+).*",
        "%",
        "%_ce",
        lambda t, m, p, c, u: _mean_ce(t, int(m["a"]), int(m["b"])),
        lambda m, p: int(m["b"]),
        "mean CE over cycles a..b",
    ),
    Metric(
        r"outer diameter change at full lithiation",
        "%",
        "%_geom",
        lambda t, m, p, c, u: float(_row(t, 1)["outer diameter change, lithiated [%]"]),
        lambda m, p: 1,
        "particle outer diameter change, end of first lithiation",
    ),
    Metric(
        r"outer diameter change after delithiation",
        "%",
        "%_geom",
        lambda t, m, p, c, u: float(_row(t, 1)["outer diameter change, end of cycle [%]"]),
        lambda m, p: 1,
        "particle outer diameter change after the first cycle",
    ),
    Metric(
        r"shell thickness change, lithiated",
        "%",
        "%_geom",
        lambda t, m, p, c, u: float(_row(t, 1)["shell thickness change, lithiated [%]"]),
        lambda m, p: 1,
        "shell thickness change, end of first lithiation",
    ),
    Metric(
        r"shell thickness change after delithiation",
        "%",
        "%_geom",
        lambda t, m, p, c, u: float(_row(t, 1)["shell thickness change, end of cycle [%]"]),
        lambda m, p: 1,
        "shell thickness change after the first cycle",
    ),
    Metric(
        r"electrode thickness change after (?P<n>\d+) cycles.*",
        "%",
        "%_geom",
        lambda t, m, p, c, u: float(
            _row(t, cycle_after(p, int(m["n"])))["electrode thickness change, end of cycle [%]"]
        ),
        lambda m, p: cycle_after(p, int(m["n"])),
        "electrode thickness change N cycles after formation",
    ),
]


#: metrics read from the parameter values alone (no simulation): name -> (parameter, unit)
def charge_transfer_resistance(values: dict, stoichiometry: float = 0.5) -> float:
    """Charge-transfer resistance of the Si electrode [Ohm.cm2 of electrode] from its Butler-Volmer
    exchange current at ``stoichiometry``, the initial electrolyte concentration and temperature:
    R_ct = R T / (F j0 a L) (linearised Butler-Volmer, Bard & Faulkner), with a = 3 eps_s R_out^2 /
    (R_out^3 - R_in^3) for a hollow shell (R_in = 0: a solid sphere)."""
    import pybamm

    def v(name):
        return values[name].value

    c_max = v("Maximum concentration in Si electrode [mol.m-3]")
    temperature = v("Ambient temperature [K]")
    j0 = v("Si electrode exchange-current density [A.m-2]")
    if callable(j0):
        j0 = j0(
            pybamm.Scalar(v("Initial concentration in electrolyte [mol.m-3]")),
            pybamm.Scalar(stoichiometry * c_max),
            pybamm.Scalar(c_max),
            pybamm.Scalar(temperature),
        )
        j0 = float(j0.evaluate()) if hasattr(j0, "evaluate") else float(j0)
    r_out = v("Si particle radius [m]")
    r_in = values["Si particle inner radius [m]"].value if "Si particle inner radius [m]" in values else 0.0
    a = 3 * v("Si electrode active material volume fraction") * r_out**2 / (r_out**3 - r_in**3)
    return 8.314462618 * temperature / (96485.33212 * j0 * a * v("Si electrode thickness [m]")) * 1e4


PARAMETER_METRICS = {
    "charge-transfer resistance": (charge_transfer_resistance, "Ohm.cm2"),
    "conductivity of delithiated si": ("Si electrode Si phase conductivity when delithiated [S.m-1]", "S/m"),
    "conductivity of lithiated si": ("Si electrode Si phase conductivity when lithiated [S.m-1]", "S/m"),
    "electrode conductivity": ("Si electrode conductive additive conductivity [S.m-1]", "S/m"),
}


def metric_names() -> list[str]:
    """The metric grammar, for error messages and ``--help``."""
    return [m.pattern.replace("(?P<n>\\d+)", "N") for m in METRICS] + list(PARAMETER_METRICS)


def find_metric(name: str):
    key = name.strip()
    for metric in METRICS:
        match = re.fullmatch(metric.pattern, key, flags=re.IGNORECASE)
        if match:
            return metric, match
    raise SibammError(
        f"unknown metric {name!r}; known metrics: 'initial Coulombic efficiency', "
        "'first lithiation capacity', "
        "'delithiation capacity at cycle N', 'delithiation capacity after N cycles', 'CE at cycle N', "
        "'retention after N cycles', 'average CE, cycles A-B', 'outer diameter change at full lithiation', "
        "'shell thickness change, lithiated', 'electrode thickness change after N cycles', "
        f"or a parameter metric {sorted(PARAMETER_METRICS)}"
    )


class Target:
    """Base class: ``residuals(result, values)`` -> array in the target's unit."""

    name: str = ""
    unit: str = ""
    sigma: float = 1.0
    weight: float = 1.0
    source: str = ""
    needs_simulation: bool = True
    #: sigma is a stated uncertainty (True) or is estimated from the fit residuals (False)
    sigma_known: bool = True

    def cycles_needed(self) -> int | None:
        return 1

    def residuals(self, result, values) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def penalty_size(self) -> int:
        return 1

    def describe(self) -> dict:
        return {
            "name": self.name,
            "kind": type(self).__name__,
            "unit": self.unit,
            "sigma": self.sigma,
            "weight": self.weight,
            "source": self.source,
        }


class ScalarTarget(Target):
    """A reported scalar metric, e.g. ICE = 91 % (HPSS paper).

    ``comparison="upper bound"`` counts only simulated values above ``value`` (reported limits such
    as "< 10 %").
    """

    def __init__(
        self,
        name: str,
        value: float,
        protocol: Protocol,
        cell_type: str,
        unit: str = "",
        sigma: float | None = None,
        weight: float = 1.0,
        source: str = "",
        comparison: str = "within",
    ):
        self.name, self.value, self.protocol, self.cell_type = name, value, protocol, cell_type
        self.unit, self.sigma, self.weight, self.source = unit, sigma, weight, source
        self.comparison = comparison
        if (
            isinstance(self.value, bool)
            or not isinstance(self.value, (int, float))
            or not math.isfinite(self.value)
        ):
            raise SibammError(f"target {self.name!r}: value {self.value!r} is not a finite number")
        if comparison not in ("within", "upper bound"):
            raise SibammError(
                f"target {self.name!r}: comparison {comparison!r} must be 'within' or 'upper bound'"
            )
        key = self.name.strip().lower()
        if key in PARAMETER_METRICS:
            self._parameter, unit = PARAMETER_METRICS[key]
            self.needs_simulation = False
            self.unit = self.unit or unit
            kind = "transport_rel"
        else:
            self._parameter = None
            self._metric, self._match = find_metric(self.name)
            self.unit = self.unit or self._metric.unit
            kind = self._metric.sigma_kind
        if self.sigma is None or not self.sigma > 0:
            self.sigma = SIGMA[kind] * abs(self.value) if kind.endswith("_rel") else SIGMA[kind]
            if kind == "%_ce" and self.value > 99.9:
                self.sigma = 0.02
        if not (isinstance(self.weight, (int, float)) and math.isfinite(self.weight) and self.weight >= 0):
            raise SibammError(f"target {self.name!r}: weight {self.weight} must be a non-negative number")

    def cycles_needed(self) -> int | None:
        return 0 if self._parameter else self._metric.cycles(self._match, self.protocol)

    def simulated(self, result, values) -> float:
        if self._parameter:
            if callable(self._parameter):
                return float(self._parameter(values))
            return float(values[self._parameter].value)
        return self._metric.read(result.table, self._match, self.protocol, self.cell_type, self.unit)

    def residuals(self, result, values) -> np.ndarray:
        sim = self.simulated(result, values)
        r = sim - self.value
        if self.comparison == "upper bound":
            r = max(r, 0.0)
        return np.array([r])

    def describe(self) -> dict:
        return {**super().describe(), "value": self.value, "comparison": self.comparison}


class TimeSeriesTarget(Target):
    """Voltage against time, step by step.

    The simulation runs the named protocol. Data and simulation are cut into cycles (the ``Cycle``
    column; without it the whole series is one cycle) and each cycle into steps where the current
    changes sign or starts/stops (lithiation, rest, delithiation; a CC-CV charge is one step).
    Within each step the simulated voltage is interpolated at the data's time since the step began,
    holding its last value when the simulated step ends earlier. Aligning steps rather than whole
    cycles keeps a shorter simulated lithiation from shifting every later point, which keeps the cost
    smooth in the parameters. ``sigma`` is estimated from the residuals after the fit
    (``sigma_known`` False) unless given.
    """

    unit = "V"
    sigma_known = False

    def __init__(self, data: pd.DataFrame, name: str = "Voltage [V]", sigma=None, weight=1.0, source=""):
        self.data = data
        self.name = name
        self.sigma = float(sigma) if sigma else 0.01
        self.sigma_known = bool(sigma)
        self.weight = weight
        self.source = source
        self._has_cycles = CYCLE in data
        self._groups = self._split(data)

    def _split(self, frame) -> dict:
        """{(cycle, step): (time since step start, voltage, time)}."""
        cycles = frame.groupby(CYCLE, sort=True) if self._has_cycles and CYCLE in frame else [(0, frame)]
        out = {}
        for c, g in cycles:
            t = g[TIME].to_numpy()
            i = g[CURRENT].to_numpy()
            v = g[VOLTAGE].to_numpy()
            tol = 1e-3 * max(np.abs(i).max(), 1e-12)
            state = np.where(i > tol, 1, np.where(i < -tol, -1, 0))
            edges = np.flatnonzero(np.diff(state)) + 1
            for k, (a, b) in enumerate(zip(np.r_[0, edges], np.r_[edges, len(t)])):
                if b - a < 2 and k > 0:  # a single point at a step change belongs to the step before
                    continue
                out[(int(c), k)] = (t[a:b] - t[a], v[a:b], t[a:b])
        return self._renumber(out)

    @staticmethod
    def _renumber(groups: dict) -> dict:
        out, last_cycle, n = {}, None, 0
        for (c, _k), val in sorted(groups.items()):
            n = n + 1 if c == last_cycle else 0
            last_cycle = c
            out[(c, n)] = val
        return out

    def cycles_needed(self) -> int | None:
        return max(c for c, _ in self._groups) if self._has_cycles else None

    def penalty_size(self) -> int:
        return sum(len(g[1]) for g in self._groups.values())

    def residuals(self, result, values) -> np.ndarray:
        sim = self._split(result.timeseries)
        out = []
        for key, (t, v, _) in self._groups.items():
            if key not in sim:
                raise _Missing(key[0])
            ts, vs, _ = sim[key]
            out.append(np.interp(t, ts, vs) - v)
        return np.concatenate(out)

    def curves(self, result) -> tuple:
        """(data time, data voltage, simulated voltage) at the compared points (for plots)."""
        sim = self._split(result.timeseries)
        times, data, simulated = [], [], []
        for key, (t, v, t_abs) in self._groups.items():
            times.append(t_abs)
            data.append(v)
            if key in sim:
                ts, vs, _ = sim[key]
                simulated.append(np.interp(t, ts, vs))
            else:
                simulated.append(np.full(len(t), np.nan))
        return np.concatenate(times), np.concatenate(data), np.concatenate(simulated)

    def describe(self) -> dict:
        return {**super().describe(), "points": self.penalty_size(), "steps": len(self._groups)}


class CycleTableTarget(Target):
    """One capacity (or CE) column of a per-cycle table, compared cycle by cycle.

    Capacities in mAh or A.h are converted to the simulation's mAh/cm2 column with the cell's area;
    residuals are relative (``sim / data - 1``, sigma 1% unless given) so tables in any unit weigh alike.
    CE residuals are in percentage points (sigma 1 pp unless given).
    """

    def __init__(self, table: pd.DataFrame, column: str, area_cm2: float, sigma=None, weight=1.0, source=""):
        self.table = table
        self.name = column
        self.column = column
        self.area_cm2 = area_cm2
        self.relative = column != "CE [%]"
        self.unit = "relative" if self.relative else "%"
        self.sigma = float(sigma) if sigma else (0.01 if self.relative else 1.0)
        self.weight = weight
        self.source = source
        self.sigma_known = bool(sigma)

    def cycles_needed(self) -> int | None:
        return int(self.table["cycle"].max())

    def penalty_size(self) -> int:
        return len(self.table)

    def _sim_column(self, table):
        col = self.column
        scale = 1.0
        m = re.match(r"(\w+) capacity \[(.+)\]", col)
        if m and m[2] in ("mAh", "A.h"):
            col = f"{m[1]} capacity [mAh/cm2]"
            scale = self.area_cm2 / (1000.0 if m[2] == "A.h" else 1.0)
        return table[col].to_numpy() * scale

    def simulated_values(self, result) -> np.ndarray:
        sim = self._sim_column(result.table)
        cycles = self.table["cycle"].to_numpy()
        if len(sim) < cycles.max():
            raise _Missing(int(cycles.max()))
        return sim[cycles - 1]

    def residuals(self, result, values) -> np.ndarray:
        sim = self.simulated_values(result)
        data = self.table[self.column].to_numpy()
        return sim / data - 1 if self.relative else sim - data


def timeseries_columns() -> tuple:
    return (TIME, CURRENT, VOLTAGE, CYCLE)
