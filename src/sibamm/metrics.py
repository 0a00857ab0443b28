"""Per-cycle metrics, computed once and in one place.

Sign convention (coin cell): lithiation of Si is the half cell's discharge (positive
current) and the full cell's charge. Capacities are reported per gram of Si and per
cm2 of electrode; CE = delithiation / lithiation capacity.

Li inventory (end of each cycle, in mAh): Li in the active Si, C-Li (SEI), K-Li (Li in
Si that lost electronic contact, "dead LixSi"), for S-doped Si the Li trapped as Li2S, and,
in a full cell, Li in the positive electrode. In a half cell the Li metal counter electrode
is an unlimited reservoir, so
the conserved total is the electrode inventory minus the net charge drawn from the
counter electrode. Li in the electrolyte is reported alongside but not in the total:
its Li+ is exchanged, not stored, and PyBaMM's half-cell electrolyte discretisation
drifts by ~1e-5 of the electrolyte inventory per cycle even in the stock DFN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

F = 96485.33212
MOL_TO_MAH = F / 3.6


#: irreversible conversions of the Si surface or dopant (model line -> inventory label): S-doped Si traps
#: Li as Li2S; halogenated Si converts residual AlCl3 (Al + LiCl) and any native SiO2 left
IRREVERSIBLE_CONVERSIONS = {
    "Li2S": "Li2S (trapped by S) [mAh]",
    "AlCl3": "AlCl3 and native SiO2 conversion [mAh]",
}


def _slot(cell_type: str) -> str:
    return "positive" if cell_type == "half" else "negative"


def _inventory(cycle, cell_type: str, index: int = -1) -> dict:
    s = _slot(cell_type)

    def at(name):
        return float(np.squeeze(np.asarray(cycle[name].entries))[index])

    inv = {
        "Li in active Si [mAh]": at(f"Total lithium in {s} electrode [mol]") * MOL_TO_MAH,
        "C-Li (SEI) [mAh]": at(f"Loss of lithium to {s} SEI [mol]") * MOL_TO_MAH,
        "K-Li (disconnected Si) [mAh]": at(
            f"Loss of lithium due to loss of active material in {s} electrode [mol]"
        )
        * MOL_TO_MAH,
    }
    for line, label in IRREVERSIBLE_CONVERSIONS.items():  # each its own inventory line
        try:
            inv[label] = at(f"Loss of lithium to {s} {line} [mol]") * MOL_TO_MAH
        except KeyError:
            pass
    if cell_type == "full":
        inv["Li in positive electrode [mAh]"] = at("Total lithium in positive electrode [mol]") * MOL_TO_MAH
        inv["Li in lost positive active material [mAh]"] = (  # 0 without the positive electrode's LAM
            at("Loss of lithium due to loss of active material in positive electrode [mol]") * MOL_TO_MAH
        )
        inv["total Li [mAh]"] = sum(inv.values())
    else:
        passed = at("Discharge capacity [A.h]") * 1000  # mAh from the Li counter electrode
        inv["net Li from counter electrode [mAh]"] = passed
        inv["total Li [mAh]"] = sum(v for k, v in inv.items() if "counter" not in k) - passed
    inv["Li in electrolyte [mAh]"] = at("Total lithium in electrolyte [mol]") * MOL_TO_MAH
    return inv


def cycle_row(
    cycle, cycle_number: int, label: str, c_rate, cell_type: str, si_mass_g: float, area_cm2: float
) -> dict:
    """One row of the per-cycle table from a PyBaMM solution of one cycle."""
    Qd = cycle["Discharge capacity [A.h]"].entries
    Qt = cycle["Throughput capacity [A.h]"].entries
    dQ, dQt = (Qd[-1] - Qd[0]) * 1000, (Qt[-1] - Qt[0]) * 1000  # mAh
    sign = 1 if cell_type == "half" else -1
    q_lith, q_delith = (dQt + sign * dQ) / 2, (dQt - sign * dQ) / 2

    def series(name):
        return np.squeeze(np.asarray(cycle[f"X-averaged Si {name}"].entries))

    outer, shell = series("particle outer diameter change [%]"), series("particle shell thickness change [%]")
    thick = np.squeeze(np.asarray(cycle["Si electrode thickness change [%]"].entries))
    eps = series("electrode active material volume fraction")
    row = {
        "cycle": cycle_number,
        "step block": label,
        "C-rate": c_rate,
        "lithiation capacity [mAh/g]": q_lith / si_mass_g,
        "delithiation capacity [mAh/g]": q_delith / si_mass_g,
        "lithiation capacity [mAh/cm2]": q_lith / area_cm2,
        "delithiation capacity [mAh/cm2]": q_delith / area_cm2,
        "CE [%]": 100 * q_delith / q_lith if q_lith > 0 else float("nan"),
        "outer diameter change, lithiated [%]": float(outer.max()),
        "outer diameter change, end of cycle [%]": float(outer[-1]),
        "shell thickness change, lithiated [%]": float(shell.max()),
        "shell thickness change, end of cycle [%]": float(shell[-1]),
        "electrode thickness change, lithiated [%]": float(thick.max()),
        "electrode thickness change, end of cycle [%]": float(thick[-1]),
        "active Si remaining [%]": _remaining(eps),
        "minimum Si surface potential vs Li at the separator [V]": float(
            np.min(cycle["Si surface potential vs Li at the separator [V]"].entries)
        ),
    }
    if cell_type == "full":
        row["active positive material remaining [%]"] = _remaining(
            cycle["X-averaged positive electrode active material volume fraction"].entries
        )
    row.update(_inventory(cycle, cell_type))
    return row


def _remaining(eps) -> float:
    """Active material at the end of a cycle over its start [%] (:func:`finalize_table` chains them)."""
    eps = np.squeeze(np.asarray(eps, dtype=float))
    return 100 * float(eps[-1] / eps[0]) if eps[0] > 0 else float("nan")


def finalize_table(rows: list[dict], si_mass_g: float, reference_cycle: int = 1) -> pd.DataFrame:
    """Add cumulative CE, retention and the Li-balance error to the per-cycle rows.

    The active-material columns, per cycle in :func:`cycle_row`, become the share left since the
    start of the run (each cycle starts where the previous one ended). The Li-balance error is the
    drift of the conserved total relative to the first lithiation capacity.
    """
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    for name in ("active Si remaining [%]", "active positive material remaining [%]"):
        if name in table:
            table[name] = 100 * np.cumprod(np.nan_to_num(table[name].to_numpy() / 100, nan=1.0))
    ce = table["CE [%]"].to_numpy() / 100
    table["cumulative CE [%]"] = 100 * np.cumprod(np.nan_to_num(ce, nan=1.0))
    cap = table["delithiation capacity [mAh/g]"].to_numpy()
    ref_index = min(reference_cycle, len(cap)) - 1
    # a reference cycle that delivered nothing (a lithiation-only GITT) leaves retention undefined
    table["retention [%]"] = 100 * cap / cap[ref_index] if cap[ref_index] > 0 else np.nan
    total = table["total Li [mAh]"].to_numpy()
    scale = table["lithiation capacity [mAh/g]"].iloc[0] * si_mass_g
    table["Li balance relative error"] = (total - total[0]) / scale
    return table
