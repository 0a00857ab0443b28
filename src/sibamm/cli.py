"""The `sibamm` command line: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from .errors import SibammError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, non-zero exit, no usage dump
        command = self.prog.split()[-1]
        hint = "sibamm --help" if command == "sibamm" else f"sibamm {command} --help"
        sys.stderr.write(f"sibamm: error: {message} (see `{hint}`)\n")
        raise SystemExit(2)


def _parse_set(items) -> dict:
    overrides = {}
    for item in items or []:
        if "=" not in item:
            raise SibammError(f"--set expects NAME=VALUE, got {item!r}")
        name, _, value = item.rpartition("=")
        name = name.strip()
        if not name:
            raise SibammError(f"--set expects NAME=VALUE, got {item!r}")
        try:
            overrides[name] = float(value)
        except ValueError:
            raise SibammError(f"--set {name!r}: value {value.strip()!r} is not a number") from None
    return overrides


def _write_json(data, target) -> None:
    text = json.dumps(data, indent=1, default=str)
    if str(target) == "-":
        print(text)
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text(text)


def cmd_list(args) -> int:
    from . import api

    if args.parameters:
        values = api.parameters(args.parameters)
        if args.json:
            _write_json(
                {
                    k: {
                        "value": v.value if isinstance(v.value, (int, float)) else "function",
                        "provenance": v.describe(),
                    }
                    for k, v in values.items()
                },
                args.json,
            )
            return 0
        for name, v in values.items():
            if args.values:
                value = v.value if isinstance(v.value, (int, float)) else "<function>"
                print(f"{name} = {value}    [{v.describe()}]")
            else:
                print(name)
        return 0
    catalogue = api.catalogue()
    if args.json:
        _write_json(catalogue, args.json)
        return 0
    for section, items in catalogue.items():
        print(f"{section}:")
        for name, desc in items.items():
            print(f"  {name:<22} {desc}")
    return 0


def cmd_simulate(args) -> int:
    from .simulation import simulate

    overrides = _parse_set(args.set)
    out = Path(args.out) if args.out else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    result = simulate(
        args.cell,
        args.protocol,
        cycles=args.cycles,
        overrides=overrides,
        progress=not args.quiet,
        table_path=out / "cycles.csv" if out else None,
    )
    if args.csv:
        result.write_csv(args.csv)
    if args.json:
        _write_json(result.to_dict(), args.json)
    if out:
        from .validation import figures

        figures.capacity_ce(result.table, out / "capacity.png", f"{args.cell} {args.protocol}")
        figures.first_cycle(
            result.profiles[min(result.profiles)],
            result.parameters["Si mass [g]"],
            out / "first_cycle.png",
            f"{args.cell}, cycle {min(result.profiles)}",
        )
    t = result.table
    print(
        f"{args.cell} {args.protocol}: {len(t)} cycles, {result.status}"
        + (f" ({result.message})" if result.message else "")
    )
    if len(t):
        print(
            f"  cycle 1: lithiation {t['lithiation capacity [mAh/g]'].iloc[0]:.1f} mAh/g, "
            f"CE {t['CE [%]'].iloc[0]:.2f} %; last: delithiation "
            f"{t['delithiation capacity [mAh/g]'].iloc[-1]:.1f} mAh/g"
        )
    return 0 if result.completed else 1


def cmd_validate(args) -> int:
    from .validation import validate

    records = validate(
        args.system, out=args.out, json_path=args.json, quick=args.quick, progress=not args.quiet
    )
    cal = [r for r in records if r["role"] == "calibration"]
    ok = sum(bool(r["within_tolerance"]) for r in cal)
    print(f"validation: {ok}/{len(cal)} calibration records within tolerance; report in {args.out}/REPORT.md")
    for r in cal:
        if not r["within_tolerance"]:
            print(
                f"  outside tolerance: {r['cell']} {r['metric']}: reported {r['reported']}, "
                f"simulated {r['simulated']:.4g}"
            )
    return 0


def cmd_compare(args) -> int:
    from .compare import compare

    if args.workers is not None and args.workers < 1:
        raise SibammError(f"--workers must be a positive integer, got {args.workers}")
    if args.space is not None and not Path(args.space).is_file():
        raise SibammError(f"design-space file {args.space!r} not found")
    import pybamm

    pybamm.set_logging_level("CRITICAL")  # a design's solver error is stored with the design
    try:
        result = compare(
            args.space,
            db=args.db,
            out=args.out,
            json_path=args.json,
            workers=args.workers,
            scheduler=args.scheduler,
            progress=not args.quiet,
        )
    except KeyboardInterrupt:
        sys.stderr.write(
            f"sibamm: interrupted; finished designs are in {args.db}: run the same command to resume\n"
        )
        return 130
    n_ok = sum(r["status"] == "completed" for r in result.records)
    print(
        f"compare: {len(result.records)} designs ({n_ok} completed, {result.failed} failed in this run); "
        f"ran {result.ran}, skipped {result.skipped} already in {args.db}; {result.wall_time:.1f} s"
        + (f"; report in {args.out}/COMPARE.md" if args.out else "")
    )
    for r in result.records:
        if r["status"] != "completed":
            print(f"  {r['status']}: {r['label']}: {r['reason']}")
    return 0


def cmd_bench(args) -> int:
    from .bench import run_bench

    records = run_bench(progress=not args.quiet, long=args.long, sweep=not args.no_sweep)
    for r in records:
        print(
            f"{r['case']:<34} {r['seconds']:8.2f} s   baseline {r['baseline_seconds']:8.2f} s   "
            f"ratio {r['ratio']:.2f}"
            + (f"   parallel efficiency {r['parallel efficiency']:.2f}" if "parallel efficiency" in r else "")
        )
    if args.json:
        _write_json(records, args.json)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sibamm", description="Continuum models of silicon negative electrodes on PyBaMM")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, required=True)

    s = sub.add_parser("list", help="cells, materials, protocols and parameter sets")
    s.add_argument("--json", metavar="FILE", help="write JSON to FILE ('-' for stdout)")
    s.add_argument("--parameters", metavar="CELL", help="list the parameter names of CELL")
    s.add_argument("--values", action="store_true", help="with --parameters: values and provenance")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("simulate", help="run a cell through a protocol")
    s.add_argument("cell")
    s.add_argument("protocol")
    s.add_argument("--cycles", type=int, help="stop after N cycles")
    s.add_argument("--set", action="append", metavar="NAME=VALUE", help="override a parameter (repeatable)")
    s.add_argument("--csv", metavar="FILE", help="time series: Time [s], Current [A], Voltage [V], Cycle")
    s.add_argument("--json", metavar="FILE", help="per-cycle metrics as JSON ('-' for stdout)")
    s.add_argument("--out", metavar="DIR", help="per-cycle table (written every cycle) and plots")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_simulate)

    s = sub.add_parser("validate", help="reproduce the papers: report and JSON records")
    s.add_argument("--system", default="all", help="hpss | qms | hal | frm | all")
    s.add_argument("--out", default="validation", metavar="DIR")
    s.add_argument("--json", metavar="FILE")
    s.add_argument("--quick", action="store_true", help="shortened long runs (for testing)")
    s.add_argument("--quiet", action="store_true")
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("compare", help="compare electrode designs: sweep, store, report")
    s.add_argument(
        "space",
        nargs="?",
        metavar="SPACE_FILE",
        help="design space (TOML); default: the shipped Si designs at equal areal capacity",
    )
    s.add_argument("--json", metavar="OUT", required=True, help="records as JSON ('-' for stdout)")
    s.add_argument(
        "--db", metavar="FILE", required=True, help="SQLite results store (reruns skip done designs)"
    )
    s.add_argument("--out", metavar="DIR", help="report COMPARE.md and figures")
    s.add_argument("--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://host:port)")
    s.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: CPU count)")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_compare)

    s = sub.add_parser("bench", help="speed against stock PyBaMM, same mesh and protocol")
    s.add_argument("--json", metavar="FILE")
    s.add_argument("--long", action="store_true", help="add the 800-cycle HPSS case (several minutes)")
    s.add_argument("--no-sweep", action="store_true", help="skip the 1- vs 2-worker design-sweep case")
    s.add_argument("--quiet", action="store_true")
    s.set_defaults(func=cmd_bench)
    return p


def main(argv=None) -> int:
    warnings.filterwarnings("ignore", category=UserWarning)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if getattr(args, "cycles", None) is not None and args.cycles < 1:
        sys.stderr.write(f"sibamm: error: --cycles must be a positive integer, got {args.cycles}\n")
        return 2
    try:
        return args.func(args)
    except SibammError as err:
        sys.stderr.write(f"sibamm: error: {err}\n")
        return 2
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        return 0
    except OSError as err:
        sys.stderr.write(f"sibamm: error: {err.strerror}: {err.filename}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
