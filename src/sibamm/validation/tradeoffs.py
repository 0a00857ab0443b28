"""Trade-off scans: what it would cost the model to bring a calibration record that is out into tolerance.

A record out of tolerance is either ruled out by the other reported numbers for any Li-conserving model
(:mod:`.consistency`), or this model can reach it only by losing records it holds. A :class:`Tradeoff`
shows the second case by computation: it scans the one parameter that moves the out record most
directly, every other parameter at its shipped value, and evaluates the out record together with the
records it competes with. For each scanned value it says which of them are within tolerance, and
whether any value holds them all. It is a one-parameter section through the fit, not a proof over all
parameters: its note says so.

The tolerance windows are the validation records' own (:func:`.records.in_window`), so a scan and the
report's table judge a value the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .records import in_window

#: a calibration record's key: (cell, metric)
Key = tuple[str, str]


@dataclass(frozen=True)
class Tradeoff:
    """A one-parameter scan about the shipped fit.

    ``overrides(value)`` gives the parameter overrides of one scanned value; ``evaluate(overrides)`` runs
    the model and returns ``{key: value}`` for the records in ``targets`` (``None`` where a run failed).
    ``targets[0]`` is the record out of tolerance, the rest are records the shipped fit holds.
    """

    label: str
    parameter: str  # what is scanned, as the report names it (with its unit)
    values: tuple
    shipped: float
    targets: tuple[Key, ...]
    overrides: Callable[[float], dict]
    evaluate: Callable[[dict], dict]


@dataclass
class ScanResult:
    tradeoff: Tradeoff
    table: pd.DataFrame  # one row per value: the parameter, each target's value, "all within"
    windows: dict  # key -> (reported, tolerance, comparison)
    within: dict  # key -> [bool per value]

    def holding_all(self) -> list:
        """The scanned values at which every target is within tolerance."""
        values = self.tradeoff.values
        return [v for k, v in enumerate(values) if all(w[k] for w in self.within.values())]

    def note(self) -> str:
        t = self.tradeoff
        out_key = t.targets[0]
        parts = []
        for key in t.targets:
            good = [v for v, ok in zip(t.values, self.within[key]) if ok]
            where = ", ".join(f"{v:.4g}" for v in good) if good else "no scanned value"
            parts.append(f"{key_label(key)} is within tolerance at {where}")
        both = self.holding_all()
        verdict = (
            f"{', '.join(f'{v:.4g}' for v in both)} hold(s) all of them: the shipped fit could move there"
            if both
            else "no scanned value holds all of them"
        )
        return (
            f"Trade-off, {t.label} ({key_label(out_key)} is out): scanning {t.parameter} over "
            f"{', '.join(f'{v:.4g}' for v in t.values)} (shipped {t.shipped:.4g}; every other parameter "
            f"as shipped), {'; '.join(parts)}; {verdict} (hal_tradeoffs.png)."
        )


def key_label(key: Key) -> str:
    return f"{key[0]} {key[1]}"


def _window(records, key: Key):
    for r in records:
        if (r.cell, r.metric) == key and r.role == "calibration" and r.reported is not None:
            return r.reported, r.tolerance, r.comparison
    return None


def scan(tradeoff: Tradeoff, records) -> ScanResult | None:
    """Run ``tradeoff`` and judge each value against the windows of ``records``; ``None`` when a target
    has no record (the scan's protocol group did not run)."""
    windows = {key: _window(records, key) for key in tradeoff.targets}
    if any(w is None for w in windows.values()):
        return None
    rows = []
    for value in tradeoff.values:
        got = tradeoff.evaluate(tradeoff.overrides(value))
        rows.append({tradeoff.parameter: value} | {key_label(k): got.get(k) for k in tradeoff.targets})
    table = pd.DataFrame(rows)
    within = {
        key: [in_window(*windows[key], None if pd.isna(x) else float(x)) for x in table[key_label(key)]]
        for key in tradeoff.targets
    }
    table["all within"] = np.logical_and.reduce([np.asarray(w) for w in within.values()])
    return ScanResult(tradeoff, table, windows, within)


def distance(value, window) -> float:
    """``(value - reported) / tolerance``: within tolerance where it lies in [-1, 1]. NaN for a failed run
    and for a bound record (no tolerance to scale by)."""
    reported, tol, comparison = window
    if value is None or pd.isna(value) or comparison != "within" or tol <= 0:
        return np.nan
    return (float(value) - reported) / tol
