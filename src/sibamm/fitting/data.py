"""Reading and checking fit data: time series, per-cycle tables, scalar metrics and cycler exports.

Every reader returns a checked :class:`pandas.DataFrame` (or a list of metric dicts) or raises a
one-line :class:`~sibamm.errors.SibammError` naming the file, the column and what is allowed.

Formats
-------
time series (CSV)
    ``Time [s]``, ``Current [A]``, ``Voltage [V]`` and optionally ``Cycle``: what
    ``sibamm simulate ... --csv FILE`` writes. Current is positive on lithiation of Si (the half
    cell's discharge, the full cell's charge), as in sibamm.
per-cycle table (CSV)
    ``cycle`` plus capacity columns ``lithiation capacity [U]`` / ``delithiation capacity [U]`` (or
    ``discharge capacity [U]`` / ``charge capacity [U]``, read with the cell's sign convention) with
    ``U`` one of mAh/g (per g Si), mAh/cm2, mAh, A.h; optionally ``CE [%]``. ``sibamm simulate --out``
    writes such a table (``cycles.csv``).
scalar metrics (JSON)
    the record list of ``sibamm validate --json`` (records with a reported value), or an object
    ``{"metric": value}`` / ``{"metric": {"value": v, "unit": u, "tolerance": t}}``.
cycler exports
    BioLogic ``.mpr``, Neware ``.nda``/``.ndax``, Arbin ``.res`` and the other formats that the
    optional reader `navani <https://github.com/be-smith/navani>`_ handles (``pip install sibamm[cyclers]``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SibammError

TIME, CURRENT, VOLTAGE, CYCLE = "Time [s]", "Current [A]", "Voltage [V]", "Cycle"
TIMESERIES_COLUMNS = (TIME, CURRENT, VOLTAGE)
CAPACITY_UNITS = ("mAh/g", "mAh/cm2", "mAh", "A.h")
CYCLER_SUFFIXES = (".mpr", ".nda", ".ndax", ".res", ".idf", ".xlsx", ".xls", ".txt")

_UNIT = re.compile(r"^\s*(?P<name>[^\[]+?)\s*\[(?P<unit>[^\]]*)\]\s*$")


def _column_units(columns) -> dict:
    """{quantity (lower case): (column, unit)} for columns named ``quantity [unit]``."""
    out = {}
    for col in columns:
        m = _UNIT.match(str(col))
        if m:
            out[m["name"].strip().lower()] = (col, m["unit"].strip())
    return out


def read_csv(path) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise SibammError(f"data file {str(path)!r} does not exist")
    if path.stat().st_size == 0:
        raise SibammError(f"data file {str(path)!r} is empty")
    try:
        frame = pd.read_csv(path)
    except pd.errors.EmptyDataError:
        raise SibammError(f"data file {str(path)!r} is empty") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise SibammError(
            f"data file {str(path)!r} is not a readable CSV ({str(err).splitlines()[0]})"
        ) from None
    if frame.empty:
        raise SibammError(f"data file {str(path)!r} has a header but no data rows")
    return frame


def data_kind(frame: pd.DataFrame) -> str:
    """``"timeseries"`` or ``"cycles"`` from the column names."""
    units = _column_units(frame.columns)
    if any(q in units for q in ("time", "voltage", "current")):
        return "timeseries"
    if any(c.lower() == "cycle" for c in map(str, frame.columns)) and any("capacity" in q for q in units):
        return "cycles"
    raise SibammError(
        "cannot tell what the data is: a time series needs columns 'Time [s]', 'Current [A]', "
        "'Voltage [V]' (optionally 'Cycle'); a per-cycle table needs 'cycle' and capacity columns such as "
        "'delithiation capacity [mAh/g]'"
    )


def _finite(frame: pd.DataFrame, columns, where: str) -> None:
    for col in columns:
        values = pd.to_numeric(frame[col], errors="coerce")
        bad = ~np.isfinite(values.to_numpy(dtype=float))
        if bad.any():
            row = int(np.argmax(bad))
            raise SibammError(
                f"{where}: column {col!r} has a missing or non-numeric value in data row {row + 1} "
                f"({frame[col].iloc[row]!r}); remove or fill it"
            )


def check_timeseries(frame: pd.DataFrame, where: str = "time series") -> pd.DataFrame:
    """Check and normalise a time series: required columns with SI units, finite values,
    non-decreasing time (repeated times at step changes are allowed), plausible magnitudes."""
    if frame.empty:
        raise SibammError(f"{where} has no data rows")
    units = _column_units(frame.columns)
    expected = {"time": "s", "current": "A", "voltage": "V"}
    for quantity, unit in expected.items():
        if quantity not in units:
            raise SibammError(
                f"{where}: missing column '{quantity.capitalize()} [{unit}]'; a time series needs "
                f"{list(TIMESERIES_COLUMNS)} (optionally 'Cycle')"
            )
        col, got = units[quantity]
        if got != unit:
            raise SibammError(
                f"{where}: column {col!r} is in {got!r}; sibamm expects '{quantity.capitalize()} [{unit}]' "
                "(convert the column to SI units)"
            )
    out = pd.DataFrame({name: frame[units[q][0]] for q, name in zip(expected, TIMESERIES_COLUMNS)})
    cycle_cols = [c for c in frame.columns if str(c).strip().lower() in ("cycle", "cycle number")]
    if cycle_cols:
        out[CYCLE] = frame[cycle_cols[0]]
    _finite(out, out.columns, where)
    out = out.astype(float)
    t = out[TIME].to_numpy()
    steps = np.diff(t)
    if (steps < 0).any():
        i = int(np.argmax(steps < 0))
        raise SibammError(
            f"{where}: time is not monotonic: 'Time [s]' goes from {t[i]:g} to {t[i + 1]:g} at data row "
            f"{i + 2}; sort the data or join the files in time order"
        )
    if t[-1] <= t[0]:
        raise SibammError(f"{where}: 'Time [s]' does not advance (all rows at t = {t[0]:g} s)")
    v = out[VOLTAGE].to_numpy()
    if np.abs(v).max() > 10:
        raise SibammError(
            f"{where}: 'Voltage [V]' reaches {np.abs(v).max():g}, not a cell voltage in V "
            "(mV data? divide by 1000)"
        )
    if np.abs(out[CURRENT].to_numpy()).max() > 100:
        raise SibammError(
            f"{where}: 'Current [A]' reaches {np.abs(out[CURRENT]).max():g} A, not a lab cell current "
            "(mA data? divide by 1000)"
        )
    if CYCLE in out:
        c = out[CYCLE].to_numpy()
        if (np.diff(c) < 0).any() or (c < 1).any() or not np.allclose(c, np.round(c)):
            raise SibammError(f"{where}: 'Cycle' must be whole numbers from 1 that never decrease")
        out[CYCLE] = c.astype(int)
    return out


def check_cycle_table(frame: pd.DataFrame, cell_type: str, where: str = "per-cycle table") -> pd.DataFrame:
    """Normalise a per-cycle table to ``cycle`` plus ``lithiation/delithiation capacity [U]`` (and CE)."""
    if frame.empty:
        raise SibammError(f"{where} has no data rows")
    cols = {str(c).strip().lower(): c for c in frame.columns}
    if "cycle" not in cols:
        raise SibammError(f"{where}: missing column 'cycle'")
    out = pd.DataFrame({"cycle": frame[cols["cycle"]]})
    lithiation_word = "discharge" if cell_type == "half" else "charge"
    delithiation_word = "charge" if cell_type == "half" else "discharge"
    for col in frame.columns:
        m = _UNIT.match(str(col))
        if not m:
            continue
        quantity, unit = m["name"].strip().lower(), m["unit"].strip()
        q = quantity.replace("capacity", "").strip()
        if "capacity" not in quantity:
            if quantity == "ce":
                if unit != "%":
                    raise SibammError(f"{where}: column {col!r} must be in '%' ('CE [%]')")
                out["CE [%]"] = frame[col]
            continue
        if q in ("lithiation", lithiation_word):
            kind = "lithiation"
        elif q in ("delithiation", delithiation_word):
            kind = "delithiation"
        else:
            continue
        unit = {"Ah": "A.h", "mAh g-1": "mAh/g", "mAh.g-1": "mAh/g", "mAh cm-2": "mAh/cm2"}.get(unit, unit)
        if unit not in CAPACITY_UNITS:
            raise SibammError(
                f"{where}: column {col!r} has unit {unit!r}; capacity units allowed: {list(CAPACITY_UNITS)}"
            )
        out[f"{kind} capacity [{unit}]"] = frame[col]
    if not any("capacity" in c for c in out.columns):
        raise SibammError(
            f"{where}: no capacity column; expected e.g. 'delithiation capacity [mAh/g]' or "
            f"'{delithiation_word} capacity [mAh]' (units {list(CAPACITY_UNITS)})"
        )
    _finite(out, out.columns, where)
    out = out.astype(float)
    c = out["cycle"].to_numpy()
    if (c < 1).any() or not np.allclose(c, np.round(c)) or (np.diff(c) <= 0).any():
        raise SibammError(f"{where}: 'cycle' must be whole numbers from 1, increasing")
    out["cycle"] = c.astype(int)
    return out


def read_metrics(path, cell: str | None = None, protocol: str | None = None) -> list[dict]:
    """Scalar metrics from a JSON file: ``sibamm validate --json`` records or ``{metric: value}``."""
    path = Path(path)
    if not path.is_file():
        raise SibammError(f"data file {str(path)!r} does not exist")
    text = path.read_text()
    if not text.strip():
        raise SibammError(f"data file {str(path)!r} is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SibammError(
            f"data file {str(path)!r} is not valid JSON ({err.msg}, line {err.lineno})"
        ) from None
    metrics = []
    if isinstance(data, list):
        for r in data:
            if not isinstance(r, dict) or "metric" not in r:
                raise SibammError(f"{path.name}: each record needs a 'metric' (as `sibamm validate --json`)")
            if r.get("reported") is None:
                continue
            if cell and r.get("cell") not in (None, cell):
                continue
            if protocol and r.get("protocol") not in (None, protocol):
                continue
            metrics.append(
                {
                    "metric": r["metric"],
                    "value": r["reported"],
                    "unit": r.get("unit"),
                    "tolerance": r.get("tolerance"),
                    "comparison": r.get("comparison", "within"),
                    "source": r.get("source") or path.name,
                }
            )
    elif isinstance(data, dict):
        for name, v in data.items():
            entry = v if isinstance(v, dict) else {"value": v}
            metrics.append(
                {
                    "metric": name,
                    "value": entry.get("value"),
                    "unit": entry.get("unit"),
                    "tolerance": entry.get("tolerance"),
                    "comparison": entry.get("comparison", "within"),
                    "source": entry.get("source") or path.name,
                }
            )
    else:
        raise SibammError(f"{path.name}: expected a list of records or an object of metrics")
    for m in metrics:
        if (
            isinstance(m["value"], bool)
            or not isinstance(m["value"], (int, float))
            or not np.isfinite(m["value"])
        ):
            raise SibammError(f"{path.name}: metric {m['metric']!r} has a non-numeric value {m['value']!r}")
    if not metrics:
        raise SibammError(
            f"{path.name}: no metric with a reported value" + (f" for cell {cell!r}" if cell else "")
        )
    return metrics


def read_cycler(path) -> pd.DataFrame:
    """A cycler export read with navani, converted to sibamm's time series columns.

    navani's columns ``Time`` (s), ``Voltage`` (V), ``Current`` (mA) and ``full cycle`` are mapped to
    ``Time [s]``, ``Voltage [V]``, ``Current [A]`` and ``Cycle``. Current signs follow the instrument:
    check that lithiation of Si is positive (``--flip-current`` on the command line otherwise).
    """
    try:
        import navani.echem as ec
    except ImportError:
        raise SibammError(
            f"reading {Path(path).suffix} cycler files needs the optional reader navani: "
            "pip install 'sibamm[cyclers]'"
        ) from None
    try:
        frame = ec.echem_file_loader(str(path))
    except Exception as err:  # navani raises many kinds of errors for unreadable files
        raise SibammError(
            f"navani could not read {Path(path).name}: "
            + (str(err).splitlines()[0] if str(err) else type(err).__name__)
        ) from None
    if "Time" not in frame or "Voltage" not in frame:
        raise SibammError(f"{Path(path).name}: navani found no time or voltage column")
    if "Current" in frame:
        current = frame["Current"] / 1000.0
    elif "Current(mA)" in frame:
        current = frame["Current(mA)"] / 1000.0
    else:
        raise SibammError(f"{Path(path).name}: navani found no current column")
    out = pd.DataFrame({TIME: frame["Time"], CURRENT: current, VOLTAGE: frame["Voltage"]})
    if "full cycle" in frame:
        out[CYCLE] = frame["full cycle"].astype(int) + (1 - int(frame["full cycle"].min()))
    return check_timeseries(out, Path(path).name)


def load(path, cell_type: str, cell: str | None = None, protocol: str | None = None):
    """Read ``path`` and return ``(kind, data)`` with kind ``timeseries``, ``cycles`` or ``metrics``."""
    path = Path(path)
    if not path.exists():
        raise SibammError(f"data file {str(path)!r} does not exist")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "metrics", read_metrics(path, cell, protocol)
    if suffix in CYCLER_SUFFIXES:
        return "timeseries", read_cycler(path)
    if suffix not in (".csv", ".tsv", ""):
        raise SibammError(
            f"data file {path.name!r}: unknown format {suffix!r}; use .csv (time series or per-cycle table), "
            f".json (metrics) or a cycler export {list(CYCLER_SUFFIXES)}"
        )
    frame = read_csv(path)
    kind = data_kind(frame)
    if kind == "timeseries":
        return kind, check_timeseries(frame, path.name)
    return kind, check_cycle_table(frame, cell_type, path.name)
