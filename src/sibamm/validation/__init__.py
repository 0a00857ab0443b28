"""`sibamm validate`: every shipped cell through its paper protocols, records and report."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import SibammError
from . import frm, hal, hpss, qms
from .report import write_report

SYSTEMS = {"hpss": hpss.run, "frm": frm.run, "qms": qms.run, "hal": hal.run}
PLANNED = ()


def validate(
    system: str = "all",
    out="validation",
    json_path=None,
    quick: bool = False,
    progress: bool = True,
    compare: bool | None = None,
) -> list[dict]:
    """Run the validation for ``system`` (a key of :data:`SYSTEMS`, or "all"); write the report and JSON.

    ``compare`` (default: with ``system="all"`` and not ``quick``) also runs the default design
    comparison (:func:`sibamm.compare.default_space`) into ``out/compare.sqlite`` (a rerun
    reuses finished designs), writes ``out/compare.json`` and adds its section to the report.
    The returned records (and ``json_path``) stay the validation records only.
    """
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
    extra = []
    if compare if compare is not None else (system == "all" and not quick):
        from ..compare import compare as run_comparison
        from ..compare import default_space, report_section

        space = default_space()
        result = run_comparison(
            space, db=out / "compare.sqlite", json_path=out / "compare.json", progress=progress
        )
        extra = report_section(
            result.records,
            out,
            title="Design comparison: shipped Si designs at equal areal capacity",
            meta={"designs": space.description, "store": "compare.sqlite", "records": "compare.json"},
        )
    write_report(out / "REPORT.md", sections, quick=quick, extra=extra)
    data = [r.to_dict() for r in records]
    if json_path is not None:
        text = json.dumps(data, indent=1)
        if str(json_path) == "-":
            print(text)
        else:
            Path(json_path).write_text(text)
    return data
