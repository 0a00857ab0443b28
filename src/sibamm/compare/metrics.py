"""The metrics that decide a design, from one simulation of the comparison protocol.

Everything per cycle comes from :mod:`sibamm.metrics` (the per-cycle table); this module only
picks cycles and adds the stack-level energy (:mod:`.stack`).

- ICE, first lithiation and reversible capacity: the 0.1C formation cycle.
- Capacity retained at 1C / 3C: delithiation capacity of the 1C / 3C check cycle over the
  formation delithiation capacity (symmetric rates, as the HPSS rate test).
- Retention: last cycle over the first 1C cycle; cycles to 80%: the number of 1C cycles
  until the delithiation capacity first falls below 80% of the first 1C cycle (None when
  it does not within the run: then ``retention at end`` is the answer).
- Swelling: the largest lithiated electrode thickness change over the run, the residual at
  the end, and the particle outer-diameter change in the first lithiation.
- Average CE: over the 1C cycles (after the first one that follows the 3C check).
- Li inventory split at the end of the run, in % of the first lithiation charge: Li left in
  the active Si, C-Li (SEI) and K-Li (Li in disconnected Si).
"""

from __future__ import annotations

import math

from .protocols import rate_cycles
from .registry import ELECTROLYTES
from .stack import areal_energy, delivered_energy, stack_mass_thickness

#: metric name -> (unit, higher is better) for the tables and plots
METRICS = {
    "ICE": ("%", True),
    "first lithiation capacity": ("mAh/g", True),
    "reversible capacity": ("mAh/g", True),
    "reversible areal capacity": ("mAh/cm2", True),
    "specific energy": ("Wh/kg", True),
    "energy density": ("Wh/L", True),
    "energy density, pristine thickness": ("Wh/L", True),
    "capacity retained at 1C": ("%", True),
    "capacity retained at 3C": ("%", True),
    "retention at end": ("%", True),
    "cycles to 80%": ("cycles", True),
    "average CE": ("%", True),
    "electrode swelling, lithiated": ("%", False),
    "electrode swelling, residual": ("%", False),
    "particle outer diameter change": ("%", False),
    "Li in active Si": ("%", True),
    "C-Li (SEI)": ("%", False),
    "K-Li (disconnected Si)": ("%", False),
    "Li balance relative error": ("", False),
}


def _num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def design_metrics(result, design) -> dict:
    """``{"metrics": {...}, "ragone": [...], "energy basis": str}`` of a finished (or partly
    finished) simulation of ``design``."""
    t = result.table
    if t.empty:
        return {"metrics": {}, "ragone": [], "energy basis": ""}
    cell_type = design.axes["cell"]
    cathode = design.axes.get("cathode") or ELECTROLYTES[design.axes["electrolyte"]].default_cathode
    values = design.cell.values(design.overrides)
    rc = rate_cycles(design.axes["protocol"])
    by_cycle = t.set_index("cycle")
    first = by_cycle.loc[1]
    mass_g = result.parameters["Si mass [g]"]
    area_m2 = result.parameters["area [cm2]"] * 1e-4

    def delith(n):
        return by_cycle.loc[n, "delithiation capacity [mAh/g]"] if n in by_cycle.index else float("nan")

    m = {
        "ICE": first["CE [%]"],
        "first lithiation capacity": first["lithiation capacity [mAh/g]"],
        "reversible capacity": first["delithiation capacity [mAh/g]"],
        "reversible areal capacity": first["delithiation capacity [mAh/cm2]"],
    }
    q0 = first["delithiation capacity [mAh/g]"]
    for rate in ("1C", "3C"):
        n = rc[rate]
        m[f"capacity retained at {rate}"] = 100 * delith(n) / q0 if n else float("nan")
    ref_n = rc["1C"] or rc["cycling"]
    cycling = t[t["cycle"] >= rc["cycling"]]
    ref = delith(ref_n)
    # retention needs the cycling phase: a run that stopped before it has no cycle-life result
    m["retention at end"] = (
        100 * cycling["delithiation capacity [mAh/g]"].iloc[-1] / ref if len(cycling) else float("nan")
    )
    below = cycling[cycling["delithiation capacity [mAh/g]"] < 0.8 * ref]
    m["cycles to 80%"] = (
        float(below["cycle"].iloc[0] - rc["cycling"] + 1 + (1 if rc["1C"] else 0)) if len(below) else None
    )
    # the first cycle after the 3C check recovers charge left behind at 3C: not a CE of cycling
    steady = cycling.iloc[1:] if rc["3C"] else cycling
    m["average CE"] = steady["CE [%]"].mean() if len(steady) else float("nan")
    swell = float(t["electrode thickness change, lithiated [%]"].max())
    m["electrode swelling, lithiated"] = swell
    m["electrode swelling, residual"] = t["electrode thickness change, end of cycle [%]"].iloc[-1]
    m["particle outer diameter change"] = first["outer diameter change, lithiated [%]"]
    q_lith1_mAh = first["lithiation capacity [mAh/g]"] * mass_g
    last = t.iloc[-1]
    for name in ("Li in active Si", "C-Li (SEI)", "K-Li (disconnected Si)"):
        col = f"{name} [mAh]"
        m[name] = 100 * last[col] / q_lith1_mAh if col in t.columns else float("nan")
    m["Li balance relative error"] = last["Li balance relative error"]

    # stack energy
    energy = delivered_energy(result.timeseries, cell_type)
    q_lith1_Ah_m2 = q_lith1_mAh / 1000 / area_m2
    stack = stack_mass_thickness(values, cell_type, swell, q_lith1_Ah_m2, cathode, design.axes["electrolyte"])
    ragone = []
    for rate, n in (("0.1C", 1), ("1C", rc["1C"]), ("3C", rc["3C"])):
        if n is None or n not in energy.index:
            continue
        e_m2, seconds = areal_energy(energy.loc[n], cell_type, area_m2, cathode)
        point = {
            "rate": rate,
            "specific energy [Wh/kg]": e_m2 / stack["mass [kg.m-2]"],
            "energy density [Wh/L]": e_m2 / stack["thickness [m]"] / 1000,
            "specific power [W/kg]": e_m2 / stack["mass [kg.m-2]"] / (seconds / 3600)
            if seconds > 0
            else None,
        }
        ragone.append({k: (_num(v) if isinstance(v, float) else v) for k, v in point.items()})
    if ragone:
        m["specific energy"] = ragone[0]["specific energy [Wh/kg]"]
        m["energy density"] = ragone[0]["energy density [Wh/L]"]
        e0, _ = areal_energy(energy.loc[1], cell_type, area_m2, cathode)
        m["energy density, pristine thickness"] = e0 / stack["pristine thickness [m]"] / 1000
    basis = (
        "simulated full cell, stack repeat unit"
        if cell_type == "full"
        else f"half-cell Si with nominal {cathode} ({_cathode_potential(cathode):g} V), stack repeat unit"
    )
    return {
        "metrics": {k: (_num(v) if v is not None else None) for k, v in m.items()},
        "ragone": ragone,
        "energy basis": basis,
        "stack": {k: _num(v) for k, v in stack.items()},
    }


def _cathode_potential(name):
    from .registry import CATHODES

    return CATHODES[name].mean_potential
