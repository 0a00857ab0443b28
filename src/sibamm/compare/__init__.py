"""Compare Si electrode designs at scale: design spaces, parallel sweeps (local processes or
Dask), a resumable SQLite store and the comparison report.

    import sibamm
    result = sibamm.compare("space.toml", db="designs.sqlite", workers=2, out="compare/")
    result.records            # one dict per design: axes, status, reason, metrics, ragone

Without a space, :func:`default_space` compares the shipped Si designs at equal areal
capacity in comparable cells.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..errors import SibammError
from .registry import CATHODES, ELECTROLYTES, SI_MATERIALS, shipped_electrolytes, shipped_materials
from .report import report_section, write_report
from .runner import SweepResult, run_design, run_sweep
from .space import AXES, Design, DesignSpace, latin_hypercube, resolve
from .store import ResultStore

#: the default comparison: equal areal capacity, short protocol (see :func:`default_space`)
DEFAULT_AREAL_CAPACITY = 2.5  # mAh/cm2
DEFAULT_CYCLES = 20


def default_space(
    areal_capacity: float = DEFAULT_AREAL_CAPACITY, cycles: int = DEFAULT_CYCLES
) -> DesignSpace:
    """The shipped Si designs at equal areal capacity, each in a half and a full cell of every
    shipped electrolyte it belongs to (liquid: vs Li metal and vs LCO; sulfide: vs Li-In and
    vs NCM88 once issue 4 ships them). Materials and electrolytes come from the registries,
    so new ones join without code changes.

    Protocol ``screen`` with ``cycles`` 1C cycles: 0.1C formation, 1C and 3C checks, then 1C
    cycling. With the defaults (2.5 mAh/cm2, 20 cycles) the liquid comparison is 4 designs.
    """
    designs = []
    for electrolyte in shipped_electrolytes():
        family = ELECTROLYTES[electrolyte]
        for name in shipped_materials():
            mat = SI_MATERIALS[name]
            if electrolyte not in mat.electrolytes:
                continue
            designs.append({"material": name, "electrolyte": electrolyte, "cell": "half"})
            if CATHODES[family.default_cathode].parts is not None:
                designs.append({"material": name, "electrolyte": electrolyte, "cell": "full"})
    return DesignSpace(
        name="shipped Si designs at equal areal capacity",
        base={"areal_capacity": areal_capacity, "protocol": "screen", "cycles": cycles},
        designs=designs,
        description=f"every shipped Si material in half and full cells at {areal_capacity:g} mAh/cm2",
    )


def load_space(space) -> DesignSpace:
    """A :class:`DesignSpace` from a path (TOML/JSON), a dict, a DesignSpace, or None (default)."""
    if space is None:
        return default_space()
    if isinstance(space, DesignSpace):
        return space
    if isinstance(space, dict):
        return DesignSpace.from_dict(space)
    if isinstance(space, (str, Path)):
        return DesignSpace.from_file(space)
    raise SibammError(f"a design space is a file, a dict or a DesignSpace, not {type(space).__name__}")


def compare(
    space=None,
    db="compare.sqlite",
    out=None,
    json_path=None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = True,
) -> SweepResult:
    """Run every design of ``space`` into the store ``db`` (skipping finished ones), then write
    the JSON records (``json_path``) and the report (``out/COMPARE.md`` with figures).

    The JSON holds the space (with its Latin-hypercube seed) and one record per design, in
    space order, read back from the store: rerunning over the same store gives the same file.
    """
    t0 = time.perf_counter()
    space = load_space(space)
    designs = space.resolve()
    result = run_sweep(
        designs, db, workers=workers, scheduler=scheduler, progress=progress, space=space.to_dict()
    )
    if json_path is not None:
        data = {"space": space.to_dict(), "designs": len(result.records), "records": result.records}
        text = json.dumps(data, indent=1, default=str)
        if str(json_path) == "-":
            print(text)
        else:
            Path(json_path).parent.mkdir(parents=True, exist_ok=True)
            Path(json_path).write_text(text)
    result.wall_time = time.perf_counter() - t0  # resolution included
    if out is not None:
        write_report(
            result.records, out, meta={"design space": space.name, "LHS seed": space.seed, "store": str(db)}
        )
    return result


__all__ = [
    "AXES",
    "Design",
    "DesignSpace",
    "ResultStore",
    "SweepResult",
    "compare",
    "default_space",
    "latin_hypercube",
    "load_space",
    "report_section",
    "resolve",
    "run_design",
    "run_sweep",
    "write_report",
]
