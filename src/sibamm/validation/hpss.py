"""HPSS validation: hollow porous Si microspheres in liquid half and LCO full cells."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..simulation import simulate
from . import figures
from .records import Section

SRC = "HPSS (Nat. Commun., hollow Si microspheres)"
SYSTEM = "hpss"


def run(out: Path, quick: bool = False, progress: bool = True):
    """Run every HPSS cell through its paper protocols; return records and a report section.

    ``quick`` shortens the long runs (800 -> 40 cycles, 1 + 100 -> 10 cycles) for tests; the
    long-cycling records are then computed at the shortened length and say so.
    """
    n_long, n_full = (40, 10) if quick else (800, 101)
    half, full = "hpss_c_half", "hpss_c_lco_full"
    rep = Section(SYSTEM, out, quick=quick, progress=progress)

    long = simulate(
        half,
        "cycling_1C",
        cycles=n_long,
        progress=progress,
        keep_profiles=(1, 2),
        table_path=out / "hpss_c_half_cycling_1C.csv",
    )
    t = long.table
    mass = long.parameters["Si mass [g]"]
    first = t.iloc[0]
    if not long.completed:
        rep.notes.append(f"HPSS@C 1C cycling: {long.message}")
    rec = [
        (
            "first lithiation capacity",
            "mAh/g",
            3494.0,
            first["lithiation capacity [mAh/g]"],
            "capacity",
            SRC + ", first-cycle results",
        ),
        (
            "initial Coulombic efficiency",
            "%",
            91.0,
            first["CE [%]"],
            "efficiency",
            SRC + ", first-cycle results",
        ),
        (
            "outer diameter change at full lithiation",
            "%",
            10.0,
            first["outer diameter change, lithiated [%]"],
            "geometry",
            SRC + ", in-situ TEM (< +10%)",
        ),
        (
            "shell thickness change, lithiated",
            "%",
            22.0,
            first["shell thickness change, lithiated [%]"],
            "geometry",
            SRC + ", in-situ TEM",
        ),
        (
            "shell thickness change after delithiation",
            "%",
            17.0,
            first["shell thickness change, end of cycle [%]"],
            "geometry",
            SRC + ", in-situ TEM",
        ),
        (
            "outer diameter change after delithiation",
            "%",
            4.0,
            first["outer diameter change, end of cycle [%]"],
            "geometry",
            SRC + ", in-situ TEM",
        ),
    ]
    for metric, unit, reported, simulated, kind, source in rec:
        comparison = "upper bound" if metric == "outer diameter change at full lithiation" else "within"
        rep.calibration(half, "cycling_1C", metric, unit, reported, simulated, kind, source, comparison)
    last = t.iloc[-1]
    suffix = "" if len(t) == 800 else f" (run stopped at cycle {len(t)})"
    rep.calibration(
        half,
        "cycling_1C",
        f"delithiation capacity after 800 cycles at 1C{suffix}",
        "mAh/g",
        832.0,
        last["delithiation capacity [mAh/g]"],
        "capacity",
        SRC + ", 1C cycling",
    )
    rep.calibration(
        half,
        "cycling_1C",
        f"average CE, cycles 2-800{suffix}",
        "%",
        99.5,
        float(t["CE [%]"].iloc[1:].mean()),
        "efficiency",
        SRC + ", 1C cycling",
    )

    rep.figures.append(
        figures.first_cycle(
            long.profiles[1],
            mass,
            out / "hpss_first_cycle.png",
            "HPSS@C | Li, first cycle (0.1C, 0.005-1.5 V)",
        )
    )
    rep.figures.append(figures.capacity_ce(t, out / "hpss_cycling.png", f"HPSS@C | Li, 1C, {len(t)} cycles"))
    rep.figures.append(
        figures.inventory(t, out / "hpss_inventory.png", "HPSS@C | Li: Li inventory per cycle")
    )
    rep.figures.append(
        figures.geometry(
            long.profiles[1], out / "hpss_geometry.png", "HPSS@C particle geometry in the first cycle"
        )
    )

    rate = simulate(half, "rate_test", progress=progress)
    rt = rate.table
    for c_rate, group in rt.iloc[1:].groupby("step block", sort=False):
        rep.prediction(
            half,
            "rate_test",
            f"delithiation capacity at {c_rate}",
            "mAh/g",
            float(group["delithiation capacity [mAh/g]"].mean()),
            SRC + ", rate capability (symmetric rates, 3 cycles each)",
        )
    rep.figures.append(figures.rate(rt, out / "hpss_rate.png", "HPSS@C | Li rate test (symmetric)"))

    fc = simulate(
        full, "full_cell_0.2C", cycles=n_full, progress=progress, table_path=out / "hpss_c_lco_full.csv"
    )
    ft = fc.table
    suffix = "" if len(ft) == 101 else f" (run stopped at cycle {len(ft) - 1} of 100)"
    rep.calibration(
        full,
        "full_cell_0.2C",
        f"discharge capacity after 100 cycles{suffix}",
        "mAh/cm2",
        2.39,
        ft["delithiation capacity [mAh/cm2]"].iloc[-1],
        "capacity",
        SRC + ", full cell",
    )
    rep.calibration(
        full,
        "full_cell_0.2C",
        f"electrode thickness change after 100 cycles{suffix}",
        "%",
        56.4,
        ft["electrode thickness change, end of cycle [%]"].iloc[-1],
        "geometry",
        SRC + ", full cell",
    )
    rep.figures.append(
        figures.capacity_ce(
            ft, out / "hpss_full_cell.png", "HPSS@C || LCO, 0.2C", capacity="delithiation capacity [mAh/cm2]"
        )
    )
    rep.figures.append(
        figures.thickness(
            {"HPSS@C | Li, 1C": t, "HPSS@C || LCO, 0.2C": ft},
            out / "hpss_thickness.png",
            "Si electrode thickness change",
        )
    )

    uncoated = simulate("hpss_half", "formation", progress=False)
    u = uncoated.table.iloc[0]
    rep.prediction(
        "hpss_half",
        "formation",
        "initial Coulombic efficiency",
        "%",
        u["CE [%]"],
        SRC + ", uncoated HPSS (no number reported)",
    )

    profile = long.profiles[1]
    x_max = 3.75 * float(profile["Average Si particle stoichiometry"].max())
    rep.notes.append(
        f"In-situ TEM numbers are compared with the particle at the end of the simulated first lithiation "
        f"(Li{x_max:.2f}Si on average: the cell does not reach Li3.75Si at 5 mV and 0.1C) and after the "
        "first delithiation."
    )
    ce = float(t["CE [%]"].iloc[1:].mean())
    ce_full = float(ft["CE [%]"].iloc[2:].mean())
    rep.notes.append(
        f"Average CE {ce:.2f}% vs 99.5% reported: within tolerance but higher. A lower CE means more Li "
        "lost per cycle, and the full cell (same Si) would then fall below its reported 2.39 mAh/cm2 after "
        "100 cycles; the rate-dependent fracture exponent (see the parameter table) already lets the 1C half "
        f"cell lose {(100 - ce) / (100 - ce_full):.1f}x more Li per cycle than the 0.2C full cell "
        f"(average CE {ce_full:.3f}% over its 100 cycles at 0.2C)."
    )
    conservation = float(np.abs(t["Li balance relative error"]).max())
    rep.notes.append(
        f"Li inventory closes to {conservation:.1e} (relative to the first lithiation) over {len(t)} cycles."
    )
    rep.tables.update({"HPSS@C | Li, 1C": t, "HPSS@C || LCO": ft, "HPSS@C | Li, rate test": rt})
    return rep.result()
