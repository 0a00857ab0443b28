"""Validation records: one per metric, in the fixed JSON contract of DESIGN.md section 5."""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: default tolerances by metric kind (DESIGN.md section 5)
TOLERANCES = {
    "efficiency": 1.0,  # percentage points (ICE, CE)
    "efficiency_high": 0.02,  # pp, average CE above 99.9%
    "retention": 5.0,  # pp
    "capacity": 0.03,  # relative
    "transport": 0.20,  # relative
    "geometry": 3.0,  # pp of a relative size change (in-situ TEM, electrode thickness)
    "split": 2.0,  # pp, Li-loss split measured on separate cells (HAL: C-Li/K-Li, secondary to the ICE)
    "capacity_approx": 0.10,  # relative, capacities the paper gives as approximate ("~700 mAh/g")
    "exact": 0.0,  # a discrete outcome (which AlCl3 fraction has the highest ICE)
}
RELATIVE = {"capacity", "transport", "capacity_approx"}


@dataclass
class Record:
    system: str
    cell: str
    protocol: str
    metric: str
    unit: str
    reported: float | None
    simulated: float | None
    tolerance: float | None
    within_tolerance: bool | None
    role: str
    source: str
    comparison: str = "within"  # "within", or "upper bound"/"lower bound" for reported limits ("< 10%")
    #: why no Li-conserving model can meet this record with the other reported numbers (consistency.py)
    conflict: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("reported", "simulated", "tolerance"):
            if isinstance(d[k], float) and not math.isfinite(d[k]):
                d[k] = None
        return d


def calibration(
    system, cell, protocol, metric, unit, reported, simulated, kind, source, comparison="within"
) -> Record:
    """A record with a reported value; ``kind`` picks the default tolerance."""
    tol = TOLERANCES[kind]
    abs_tol = 0.0 if comparison != "within" else tol * abs(reported) if kind in RELATIVE else tol
    return Record(
        system=system, cell=cell, protocol=protocol, metric=metric, unit=unit,
        reported=float(reported), simulated=_float(simulated), tolerance=float(abs_tol),
        within_tolerance=in_window(reported, abs_tol, comparison, simulated), role="calibration",
        source=source, comparison=comparison,
    )  # fmt: skip


def in_window(reported: float, tolerance: float, comparison: str, value) -> bool:
    """Whether ``value`` meets a reported number: within ``tolerance`` of it, or below/above it for an
    ``"upper bound"``/``"lower bound"``. A missing or non-finite value never does."""
    if value is None or not math.isfinite(value):
        return False
    if comparison == "upper bound":
        return bool(value < reported)
    if comparison == "lower bound":
        return bool(value > reported)
    return bool(abs(value - reported) <= tolerance)


def _float(x):
    return None if x is None else float(x)


def prediction(system, cell, protocol, metric, unit, simulated, source) -> Record:
    """A record for a protocol the paper ran but whose result is not reported."""
    return Record(
        system=system, cell=cell, protocol=protocol, metric=metric, unit=unit, reported=None,
        simulated=_float(simulated), tolerance=None, within_tolerance=None, role="prediction", source=source,
    )  # fmt: skip


@dataclass
class Section:
    """One system's validation as it is built, protocol by protocol: its records, figures, notes and tables.

    ``calibration`` and ``prediction`` add a record of this system; ``lap`` times the protocols run since
    the last lap (``timing_note`` reports them); ``result`` is what a system's ``run`` returns to
    :func:`sibamm.validation.validate`.
    """

    system: str
    out: Path
    quick: bool = False
    progress: bool = True
    #: parameter overrides for every run of the section (fitting scans; the validation runs none)
    overrides: dict = field(default_factory=dict)
    records: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    tables: dict = field(default_factory=dict)
    timing: dict = field(default_factory=dict)

    def __post_init__(self):
        self.out = Path(self.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self._start = self._lap_start = time.perf_counter()

    def calibration(
        self, cell, protocol, metric, unit, reported, simulated, kind, source, comparison="within"
    ):
        """Add a calibration record (see :func:`calibration`)."""
        self.records.append(
            calibration(
                self.system, cell, protocol, metric, unit, reported, simulated, kind, source, comparison
            )
        )

    def prediction(self, cell, protocol, metric, unit, simulated, source):
        """Add a prediction record (see :func:`prediction`)."""
        self.records.append(prediction(self.system, cell, protocol, metric, unit, simulated, source))

    def lap(self, label: str) -> None:
        """Record the wall time since the previous lap under ``label``."""
        now = time.perf_counter()
        self.timing[label] = now - self._lap_start
        self._lap_start = now

    def timing_note(self) -> str:
        laps = ", ".join(f"{k} {v:.0f} s" for k, v in self.timing.items())
        return (
            f"{self.system.upper()} validation wall time: {time.perf_counter() - self._start:.0f} s ({laps})."
        )

    def result(self):
        return self.records, self.figures, self.notes, self.tables
