"""Coarse least-squares scan of the free QMS parameters (first cycle at 0.05C).

Targets (QMS paper, SCIENCE.md section QMS): QMS(0.7) ICE 92.5% and 3350 mAh/g delithiation,
undoped Si ICE 87.4% and 3080 mAh/g. Free parameters shared by both materials (same molten-salt
route): SEI formation capacity, exchange-current prefactor, bulk Li diffusivity. Run:

    python scripts/fit_qms.py            # prints the scan, best point last

The 500-cycle degradation parameters are fitted separately (``--cycling``) on short runs
extrapolated with the validation's 500-cycle run as the check.
"""

from __future__ import annotations

import itertools
import sys

from sibamm import simulate
from sibamm.parameters.materials import si_exchange_current

TARGETS = {"qms07_half": (92.5, 3350.0), "qms_si_half": (87.4, 3080.0)}


def first_cycle(cell, overrides):
    r = simulate(cell, "qms_formation", overrides=overrides, progress=False)
    row = r.table.iloc[0]
    return float(row["CE [%]"]), float(row["delithiation capacity [mAh/g]"])


def cost(results):
    """Squared errors in units of the validation tolerances (1 pp ICE, 3% capacity)."""
    total = 0.0
    for cell, (ice, cap) in results.items():
        t_ice, t_cap = TARGETS[cell]
        total += (ice - t_ice) ** 2 + ((cap - t_cap) / (0.03 * t_cap)) ** 2
    return total


def scan(sei_caps, k_factors, d_bulks, sto_channels=(0.1,)):
    best = None
    for sei, kf, db, sc in itertools.product(sei_caps, k_factors, d_bulks, sto_channels):
        ov = {
            "Si electrode SEI formation capacity [mol.m-2]": sei,
            "Si electrode exchange-current density [A.m-2]": si_exchange_current(6.69e-8 * kf),
            "Si particle bulk diffusivity [m2.s-1]": db,
            "Si particle channel stoichiometry scale": sc,
        }
        res = {cell: first_cycle(cell, ov) for cell in TARGETS}
        c = cost(res)
        line = "  ".join(f"{cell}: ICE {v[0]:.2f}% {v[1]:.0f} mAh/g" for cell, v in res.items())
        print(f"SEI {sei:.2e} k x{kf:g} D_b {db:.1e} sto_ch {sc:g}  cost {c:7.2f}  {line}", flush=True)
        if best is None or c < best[0]:
            best = (c, sei, kf, db, sc)
    print("best", best)
    return best


def cycling_probe(overrides, cycles=151):
    """0.5C probe run of QMS(0.7): average CE, electrode swelling after 100 cycles, retention slope.

    Used (2026-11-21) with the retention targets checked by the full 500-cycle validation run:
    ratchet 0.08 / fresh-surface SEI 1.5e-6: CE 99.94%, swelling +43% at 100 cycles, retention 85%/76%
    after 300/500 cycles; ratchet 0.03 / SEI 3.5e-6: CE 99.89%, +24%, same retention slope; the same
    after the c-Li15Si4 phase and the first-cycle refit: CE 99.89% (cycles 2-151), +19%, 95.2% after 100.
    That set gave the full cell 72% after 200 cycles at 1C (80% reported): the Paris exponent m = 2 of HPSS
    makes the full cell (Si at ~1C) lose more Li per cycle than the 0.5C half cell. Probe with m = 1 and
    SEI 4.9e-6: half-cell CE 99.82% (cycles 2-101), full-cell CE 99.886% (cycles 3-83); a linear
    interpolation of both losses in the SEI capacity gives 2.7e-6 at m = 1. The validation run with it:
    CE 99.889%, retention 83.0%/73.7% after 300/500, full cell 86.6% after 200 (80% reported). Final:
    m = 1.5 and 3.1e-6, interpolated between the m = 2 (72.2%) and m = 1 (86.6%) full-cell runs.
    """
    r = simulate("qms07_half", "qms_cycling_0.5C", cycles=cycles, overrides=overrides, progress=False)
    t = r.table
    print(
        overrides,
        f"avg CE {t['CE [%]'].iloc[1:].mean():.3f}%",
        f"swelling@100 {t['electrode thickness change, end of cycle [%]'].iloc[min(100, len(t) - 1)]:.1f}%",
        f"retention@{len(t) - 1} {t['retention [%]'].iloc[-1]:.1f}%",
        flush=True,
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--cycling":
        for ratchet, sei in ((0.08, 1.5e-6), (0.03, 3.5e-6)):
            cycling_probe(
                {
                    "Si particle cyclic ratchet coefficient": ratchet,
                    "Si electrode fresh-surface SEI capacity [mol.m-2]": sei,
                }
            )
    elif len(sys.argv) > 1 and sys.argv[1] == "--quick":
        scan([2.5e-4], [1, 3], [3e-17])
    else:
        # first pass: [2.3e-4, 2.6e-4] x [1, 3, 10] x [1e-17, 3e-17, 1e-16] (sto_ch 0.1) -> 2.6e-4, 10, 3e-17
        # second pass: [2.45e-4] x [3, 10] x [3e-17, 4e-17] x [0.1, 0.25, 0.5] -> 2.45e-4, 10, 3e-17, 0.25
        # third pass, after the c-Li15Si4 phase joined the OCP (deeper first lithiation):
        # [2.45e-4] x [1, 3] x [2e-17, 3e-17] x [0.25] -> 2.45e-4, 1, 2e-17; then D_b refined:
        scan([2.45e-4], [1], [2.2e-17, 2.4e-17], [0.25])
