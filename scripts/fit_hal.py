"""Coarse fit scans of the HAL free parameters (issue 4): the validation's own protocols, with overrides.

Runs protocol groups of ``sibamm validate --system hal`` (:data:`sibamm.validation.hal.PROTOCOLS`) for given
parameter overrides and prints each record, reported next to simulated. Usage::

    python scripts/fit_hal.py                       # shipped values, first cycles (+ the ICE sweep)
    python scripts/fit_hal.py '{"Si particle diffusivity [m2.s-1]": 2e-12}'
    python scripts/fit_hal.py --rct                 # the four EIS states of the Rct table
    python scripts/fit_hal.py --cycling             # 10.5 A/g (401 cycles) and the high-loading cells
    python scripts/fit_hal.py --full                # the full cells (200 cycles of Si@AlCl3 || NCM88)
    python scripts/fit_hal.py --full-ice            # the full cells, 200 mA/g run capped (first-cycle ICEs)
    python scripts/fit_hal.py --all --quick         # every group, long runs capped as in the tests

The shipped values were chosen from such scans (2026-11-21); each fitted value's provenance names its
targets and the flag that reruns them. Bounded by hand: conductivities, rate constants and diffusivities
stay within physical ranges.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time

from sibamm.validation import hal
from sibamm.validation.records import Section

#: flag -> (protocol groups, quick)
GROUPS = {
    "--first": (("first cycles + ICE sweep",), False),
    "--rct": (("Rct and impedance",), False),
    "--cycling": (("10.5 A/g cycling", "high loading"), False),
    "--full": (("full cells",), False),
    "--full-ice": (("full cells",), True),
    "--all": (tuple(hal.PROTOCOLS), False),
}


def scan(overrides: dict, groups, quick: bool = False) -> Section:
    """Run ``groups`` (keys of :data:`sibamm.validation.hal.PROTOCOLS`) with ``overrides``; print their
    records."""
    with tempfile.TemporaryDirectory() as out:
        rep = Section(hal.SYSTEM, out, quick=quick, progress=False, overrides=overrides)
        for group in groups:
            t0 = time.perf_counter()
            start = len(rep.records)
            hal.PROTOCOLS[group](rep)
            print(f"# {group} ({time.perf_counter() - t0:.0f} s)")
            for r in rep.records[start:]:
                verdict = "" if r.within_tolerance is None else ("in" if r.within_tolerance else "OUT")
                reported = "" if r.reported is None else f"reported {r.reported:.6g}"
                simulated = "n/a" if r.simulated is None else f"{r.simulated:.6g}"
                print(f"{r.cell:34s} {r.metric[:70]:70s} {simulated:>12s} {reported:18s} {verdict}")
    return rep


if __name__ == "__main__":
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    unknown = [f for f in flags if f not in GROUPS and f != "--quick"]
    if unknown or len(args) > 1:
        sys.exit(
            f"usage: fit_hal.py ['{{\"name\": value}}'] [{' | '.join(GROUPS)}] [--quick]; got {sys.argv[1:]}"
        )
    overrides = json.loads(args[0]) if args else {}
    groups, quick = [], "--quick" in flags
    for flag in [f for f in flags if f in GROUPS] or ["--first"]:
        groups += [g for g in GROUPS[flag][0] if g not in groups]
        quick = quick or GROUPS[flag][1]
    scan(overrides, groups, quick)
