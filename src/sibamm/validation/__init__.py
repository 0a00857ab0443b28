"""`sibamm validate`: every shipped cell through its paper protocols, records and report."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import SibammError
from . import frm, hpss
from .report import write_report

SYSTEMS = {"hpss": hpss.run, "frm": frm.run}
PLANNED = ("qms", "hal")


def validate(
    system: str = "all", out="validation", json_path=None, quick: bool = False, progress: bool = True
) -> list[dict]:
    """Run the validation for ``system`` (a key of :data:`SYSTEMS`, or "all"); write the report and JSON."""
    if system == "all":
        names = list(SYSTEMS)
    elif system in SYSTEMS:
        names = [system]
    elif system in PLANNED:
        raise SibammError(f"system {system!r} is not implemented yet; available: {sorted(SYSTEMS)} or 'all'")
    else:
        raise SibammError(f"unknown system {system!r}; choose from {[*SYSTEMS, *PLANNED, 'all']}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sections = {}
    records = []
    for name in names:
        recs, figs, notes, tables = SYSTEMS[name](out, quick=quick, progress=progress)
        records.extend(recs)
        sections[name] = (recs, figs, notes, tables)
    write_report(out / "REPORT.md", sections, quick=quick)
    data = [r.to_dict() for r in records]
    if json_path is not None:
        text = json.dumps(data, indent=1)
        if str(json_path) == "-":
            print(text)
        else:
            Path(json_path).write_text(text)
    return data
