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


def _parse_named_numbers(items, flag) -> dict:
    out = {}
    for item in items or []:
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise SibammError(f"{flag} expects NAME=NUMBER, got {item!r}")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise SibammError(f"{flag} {name.strip()!r}: {value.strip()!r} is not a number") from None
    return out


def cmd_fit(args) -> int:
    from . import fitting

    if args.data is None and not any("=" in t for t in args.target or []):
        raise SibammError(
            "give --data FILE (time series, per-cycle table or metrics) or --target METRIC=VALUE"
        )
    params = [fitting.parse_param(p) for p in args.param]
    result = fitting.fit(
        args.cell,
        args.protocol,
        params,
        data=args.data,
        targets=args.target,
        weights=_parse_named_numbers(args.weight, "--weight"),
        sigmas=_parse_named_numbers(args.sigma, "--sigma"),
        cycles=args.cycles,
        optimiser=args.optimiser,
        starts=args.starts,
        seed=args.seed,
        max_evaluations=args.max_evaluations,
        profile_points=args.profile,
        fixed=_parse_set(args.set),
        progress=not args.quiet,
    )
    data = result.to_dict()
    out = Path(args.out) if args.out else None
    save = args.save or (out / "parameters.json" if out else None)
    if save:
        result.write_parameter_set(save)
        data["parameter set"] = str(save)
    if out:
        data["figures"] = [str(p) for p in result.plot(out)]
        _write_json(data, out / "fit.json")
    _write_json(data, args.json)
    stream = sys.stderr if str(args.json) == "-" else sys.stdout  # keep stdout pure JSON with --json -
    print(result.summary(), file=stream)
    if save:
        print(
            f"  parameter set: {save} (use it as CELL: sibamm simulate {save} {args.protocol})", file=stream
        )
    return 0


def cmd_refit(args) -> int:
    from .fitting.shipped import check, refit

    if args.check:
        report = check(only=args.only, quick=args.quick)
        for r in report["check"]:
            sim = "not reached" if r["simulated"] is None else f"{r['simulated']:.4g}"
            bound = "< " if r["comparison"] == "upper bound" else ""
            print(
                f"{r['fit']}: {r['target']}: reported {bound}{r['reported']:g}, shipped values give {sim} "
                f"(sigma {r['sigma']:.3g})"
            )
        if args.json:
            _write_json(report, args.json)
        return 0
    report = refit(
        quick=args.quick,
        only=args.only,
        out=args.out,
        progress=not args.quiet,
        max_evaluations=args.max_evaluations,
    )
    for line in report["summary"]:
        print(line)
    if args.json:
        _write_json(report, args.json)
    return 0 if report["reproduced"] else 1


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
            sim = (
                "no value (the run failed: see the report)"
                if r["simulated"] is None
                else f"{r['simulated']:.4g}"
            )
            print(
                f"  outside tolerance: {r['cell']} {r['metric']}: reported {r['reported']}, simulated {sim}"
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

    s = sub.add_parser(
        "fit",
        help="fit parameters to a time series, per-cycle table, metrics file or cycler export",
        description="Fit parameters of CELL (a cell name or a parameter-set file) so that PROTOCOL "
        "reproduces --data and/or --target. Writes the result to --json and, with --out, a parameter set "
        "(parameters.json, loadable as CELL everywhere) and figures.",
    )
    s.add_argument("cell")
    s.add_argument("protocol")
    s.add_argument(
        "--data", metavar="FILE", help="time-series CSV, per-cycle CSV, metrics JSON or cycler file"
    )
    s.add_argument(
        "--param",
        action="append",
        required=True,
        metavar="NAME=LOW:HIGH[:START][:log|:linear]",
        help="a free parameter with bounds (repeatable); log transform by default when HIGH/LOW >= 10",
    )
    s.add_argument(
        "--target",
        action="append",
        metavar="METRIC[=VALUE]",
        help="use only this target from --data, or a scalar metric with its value (repeatable)",
    )
    s.add_argument("--weight", action="append", metavar="TARGET=W", help="target weight (default 1)")
    s.add_argument("--sigma", action="append", metavar="TARGET=S", help="target uncertainty, in its unit")
    s.add_argument("--set", action="append", metavar="NAME=VALUE", help="hold a parameter at a value")
    s.add_argument("--cycles", type=int, help="simulate at most N cycles")
    s.add_argument(
        "--optimiser", default="least_squares", help="least_squares | nelder-mead | differential-evolution"
    )
    s.add_argument("--starts", type=int, default=1, help="number of starts (Sobol points after the first)")
    s.add_argument("--seed", type=int, default=0, help="seed of the extra starts (recorded in the output)")
    s.add_argument("--max-evaluations", type=int, default=60, help="simulations per start (default 60)")
    s.add_argument("--profile", type=int, default=0, metavar="N", help="profile likelihoods on N points")
    s.add_argument("--json", required=True, metavar="OUT", help="result JSON ('-' for stdout)")
    s.add_argument("--out", metavar="DIR", help="figures, fit.json and the parameter set parameters.json")
    s.add_argument(
        "--save", metavar="FILE", help="write the parameter set here (default DIR/parameters.json)"
    )
    s.add_argument("--quiet", action="store_true")
    s.set_defaults(func=cmd_fit)

    s = sub.add_parser("refit", help="recompute every shipped fitted value from its declared targets")
    s.add_argument("--quick", action="store_true", help="only the fits that need short runs (minutes)")
    s.add_argument("--check", action="store_true", help="only evaluate the targets at the shipped values")
    s.add_argument("--only", action="append", metavar="FIT", help="run only this declared fit (repeatable)")
    s.add_argument("--max-evaluations", type=int, default=40, help="simulations per fit (default 40)")
    s.add_argument("--json", metavar="FILE")
    s.add_argument("--out", metavar="DIR", help="per-fit JSON and figures")
    s.add_argument("--quiet", action="store_true")
    s.set_defaults(func=cmd_refit)

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
