"""Fitting: bad input gives one-line errors (before any solve), targets read the data right, and
fits recover known parameters from simulated data."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pybamm
import pytest

from sibamm import SibammError, cli, get_cell
from sibamm.experiments import get_protocol
from sibamm.fitting import FreeParameter, fit, make_targets, parse_param
from sibamm.fitting.data import check_timeseries
from sibamm.fitting.paramfile import write_parameter_file
from sibamm.fitting.shipped import DECLARED, NOT_REFIT, declared_for, fitted_values, report_lines
from sibamm.fitting.targets import ScalarTarget, cycle_after
from sibamm.simulation import simulate

HALF = "hpss_c_half"
D = "Si particle diffusivity [m2.s-1]"
SEI = "Si electrode SEI formation capacity [mol.m-2]"
D0 = get_cell(HALF).values()[D].value


def _timeseries(path, n=50, **changes):
    t = np.linspace(0, 3600, n)
    frame = pd.DataFrame(
        {"Time [s]": t, "Current [A]": 1e-3, "Voltage [V]": np.linspace(0.6, 0.1, n), "Cycle": 1}
    )
    for k, v in changes.items():
        frame[k] = v
    frame.to_csv(path, index=False)
    return path


def _cli(argv, capsys):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _cli_error(argv, capsys, *fragments):
    code, out, err = _cli(argv, capsys)
    assert code == 2, (code, err)
    assert out == ""
    assert err.startswith("sibamm: error: ") and err.count("\n") == 1, err
    for f in fragments:
        assert f in err, (f, err)
    return err


@pytest.fixture
def no_solve(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a solve was attempted: the user error was not caught up front")

    monkeypatch.setattr(pybamm.Simulation, "solve", forbidden)


# --------------------------------------------------------------------------- bad input


def fit_argv(data, *extra, param=f"{D}=3e-16:9e-14"):
    return ["fit", HALF, "formation", "--data", str(data), "--param", param, "--json", "-", "--quiet", *extra]


@pytest.mark.parametrize(
    ("mutate", "fragments"),
    [
        (lambda f: f.drop(columns=["Voltage [V]"]), ("missing column 'Voltage [V]'",)),
        (lambda f: f.rename(columns={"Current [A]": "Current [mA]"}), ("'Current [mA]'", "'Current [A]'")),
        (lambda f: f.rename(columns={"Time [s]": "Time [h]"}), ("'Time [h]'", "'Time [s]'")),
        (lambda f: f.assign(**{"Voltage [V]": f["Voltage [V]"] * 1000}), ("mV data",)),
        (lambda f: f.assign(**{"Time [s]": f["Time [s]"][::-1].to_numpy()}), ("not monotonic",)),
        (lambda f: f.assign(**{"Voltage [V]": f["Voltage [V]"].where(f.index != 7)}), ("missing", "row 8")),
    ],
    ids=["missing column", "current in mA", "time in h", "voltage in mV", "time reversed", "NaN"],
)
def test_bad_timeseries_cli(tmp_path, capsys, no_solve, mutate, fragments):
    path = tmp_path / "data.csv"
    _timeseries(path)
    mutate(pd.read_csv(path)).to_csv(path, index=False)
    _cli_error(fit_argv(path), capsys, *fragments)


def test_empty_data_file_cli(tmp_path, capsys, no_solve):
    path = tmp_path / "empty.csv"
    path.write_text("")
    _cli_error(fit_argv(path), capsys, "empty")
    path.write_text("Time [s],Current [A],Voltage [V]\n")
    _cli_error(fit_argv(path), capsys, "no data rows")


def test_missing_data_file_cli(tmp_path, capsys, no_solve):
    _cli_error(fit_argv(tmp_path / "nope.csv"), capsys, "does not exist")


def test_unknown_parameter_cli(tmp_path, capsys, no_solve):
    path = _timeseries(tmp_path / "d.csv")
    _cli_error(
        fit_argv(path, param="Si particle diffusivity [m2/s]=1e-16:1e-13"), capsys, "unknown parameter"
    )


def test_bounds_excluding_initial_value_cli(tmp_path, capsys, no_solve):
    path = _timeseries(tmp_path / "d.csv")
    _cli_error(fit_argv(path, param=f"{D}=1e-13:1e-12"), capsys, "exclude the initial value", "3e-15")
    _cli_error(fit_argv(path, param=f"{D}=1e-16:1e-14:5e-14"), capsys, "exclude the initial value")


@pytest.mark.parametrize(
    ("param", "fragment"),
    [
        (f"{D}=1e-14:1e-16", "must be below"),
        (f"{D}=a:b", "not numbers"),
        (f"{D}", "NAME=LOW:HIGH"),
        (f"{D}=-1:1:log", "positive lower bound"),
        ("Si electrode lithiation OCP [V]=0:1", "function"),
    ],
)
def test_malformed_param_cli(tmp_path, capsys, no_solve, param, fragment):
    _cli_error(fit_argv(_timeseries(tmp_path / "d.csv"), param=param), capsys, fragment)


def test_bad_targets_cli(tmp_path, capsys, no_solve):
    base = ["fit", HALF, "formation", "--param", f"{SEI}=1e-4:1e-3", "--json", "-", "--quiet"]
    _cli_error([*base, "--target", "no such metric=3"], capsys, "unknown metric")
    _cli_error([*base, "--target", "initial Coulombic efficiency=abc"], capsys, "not a number")
    _cli_error(base, capsys, "--data")
    path = _timeseries(tmp_path / "d.csv")
    _cli_error([*base, "--data", str(path), "--target", "CE [%]"], capsys, "not in d.csv")
    _cli_error([*base, "--target", "retention after 900 cycles=80"], capsys, "protocol 'formation' has 1")


def test_bad_fit_options_and_refit_names_cli(tmp_path, capsys, no_solve):
    path = _timeseries(tmp_path / "d.csv")
    _cli_error(fit_argv(path, "--optimiser", "newton"), capsys, "unknown optimiser", "least_squares")
    _cli_error(fit_argv(path, "--starts", "0"), capsys, "starts must be a positive integer")
    _cli_error(fit_argv(path, "--weight", "Voltage [V]=heavy"), capsys, "not a number")
    _cli_error(fit_argv(path, "--weight", "Voltage [V]=-1"), capsys, "weight")
    _cli_error(fit_argv(path, "--sigma", "Voltage=0.01"), capsys, "matches no target", "Voltage [V]")
    _cli_error(["refit", "--only", "nope"], capsys, "unknown declared fit", "hpss_c_first_cycle")


def test_bad_cycle_table_and_metrics(tmp_path, no_solve):
    cells = get_cell(HALF)
    path = tmp_path / "cycles.csv"
    pd.DataFrame({"cycle": [1, 2], "delithiation capacity [Wh]": [1.0, 2.0]}).to_csv(path, index=False)
    with pytest.raises(SibammError, match="capacity units allowed"):
        make_targets(HALF, "formation", data=path)
    pd.DataFrame({"cycle": [2, 1], "delithiation capacity [mAh/g]": [1.0, 2.0]}).to_csv(path, index=False)
    with pytest.raises(SibammError, match="increasing"):
        make_targets(HALF, "formation", data=path)
    bad = tmp_path / "m.json"
    bad.write_text("{not json")
    with pytest.raises(SibammError, match="not valid JSON"):
        make_targets(HALF, "formation", data=bad)
    bad.write_text(json.dumps({"initial Coulombic efficiency": "high"}))
    with pytest.raises(SibammError, match="non-numeric"):
        make_targets(HALF, "formation", data=bad)
    assert cells.cell_type == "half"


def test_bad_parameter_file(tmp_path, capsys, no_solve):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"format": "something else"}))
    _cli_error(["simulate", str(path), "formation", "--quiet"], capsys, "not a sibamm parameter set")
    write_parameter_file(path, HALF, {"Si particle radius [cm]": {"value": 1.0}})
    _cli_error(["simulate", str(path), "formation", "--quiet"], capsys, "unknown parameter")
    write_parameter_file(path, HALF, {D: {"value": "fast"}})
    _cli_error(["list", "--parameters", str(path)], capsys, "finite number")


def test_cycler_file_without_reader_or_unknown_format(tmp_path, no_solve):
    pytest.importorskip("pandas")
    path = tmp_path / "run.mpr"
    path.write_bytes(b"not really a BioLogic file")
    try:
        import navani  # noqa: F401

        fragment = "navani could not read"
    except ImportError:
        fragment = "sibamm[cyclers]"
    with pytest.raises(SibammError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        make_targets(HALF, "formation", data=path)
    other = tmp_path / "run.parquet"
    other.write_bytes(b"x")
    with pytest.raises(SibammError, match="unknown format"):
        make_targets(HALF, "formation", data=other)


def test_timeseries_without_cycle_column_needs_cycles(tmp_path, capsys, no_solve):
    path = tmp_path / "d.csv"
    _timeseries(path)
    pd.read_csv(path).drop(columns=["Cycle"]).to_csv(path, index=False)
    argv = ["fit", HALF, "cycling_1C", "--data", str(path), "--param", f"{D}=3e-16:9e-14", "--json", "-"]
    _cli_error([*argv, "--quiet"], capsys, "no 'Cycle' column", "--cycles N")


def test_duplicate_timestamps_at_step_changes_are_accepted():
    frame = pd.DataFrame(
        {"Time [s]": [0, 1, 1, 2], "Current [A]": [1e-3, 1e-3, 0, 0], "Voltage [V]": [0.5, 0.4, 0.45, 0.46]}
    )
    assert len(check_timeseries(frame)) == 4


# --------------------------------------------------------------------------- pieces


def test_log_transform_and_parse():
    p = parse_param(f"{D}=3e-16:9e-14")
    assert p.log and p.low == 3e-16 and p.high == 9e-14
    for x in (3e-16, 3e-15, 9e-14):
        assert math.isclose(p.from_z(p.to_z(x)), x, rel_tol=1e-12)
    assert not parse_param("Si particle shell porosity=0.4:0.9").log
    assert parse_param(f"{D}=1e-15:2e-15:log").log


def test_cycle_after_counts_formation_and_caps():
    assert cycle_after(get_protocol("full_cell_0.2C"), 100) == 101
    assert cycle_after(get_protocol("cycling_1C"), 800) == 800
    assert cycle_after(get_protocol("cycling_1C"), 10) == 11


def test_parameter_metric_without_simulation():
    """A conductivity target is read from the parameters: the fit moves the parameter onto it."""
    name = "Si electrode Si phase conductivity when delithiated [S.m-1]"
    result = fit(
        HALF,
        "formation",
        [FreeParameter(name, 1e-5, 1e-1)],
        targets=["conductivity of delithiated Si=2e-3"],
        progress=False,
    )
    assert result.parameters[name] == pytest.approx(2e-3, rel=1e-4)
    assert result.evaluations < 40


COND = "Si electrode Si phase conductivity when delithiated [S.m-1]"


def test_multistart_is_seeded_and_deterministic():
    def run(seed):
        return fit(
            HALF,
            "formation",
            [FreeParameter(COND, 1e-5, 1e-1)],
            targets=["conductivity of delithiated Si=2e-3"],
            starts=3,
            seed=seed,
            progress=False,
        ).runs

    a, b, c = run(7), run(7), run(8)
    assert [r["start"] for r in a] == [r["start"] for r in b]
    assert [r["start"] for r in a] != [r["start"] for r in c]
    assert all(r["end"][COND] == pytest.approx(2e-3, rel=1e-4) for r in a)


def test_joint_problem_concatenates_cells():
    """One parameter, targets on two cells: the joint fit lands between them, weighted by sigma."""
    from sibamm.fitting.engine import JointProblem, Problem, fit_problem

    parts = []
    for cell, value in (("hpss_c_half", 1e-3), ("hpss_half", 4e-3)):
        target = ScalarTarget(
            "conductivity of delithiated Si", value, get_protocol("formation"), "half", sigma=1e-3
        )
        parts.append(Problem(cell, "formation", [target], [FreeParameter(COND, 1e-5, 1e-1)]))
    result = fit_problem(JointProblem(parts), progress=False)
    assert result.parameters[COND] == pytest.approx(2.5e-3, rel=1e-3)
    assert len(result.targets) == 2


def test_metrics_from_validation_records(tmp_path, no_solve):
    records = [
        {"system": "hpss", "cell": HALF, "protocol": "cycling_1C", "metric": "initial Coulombic efficiency",
         "unit": "%", "reported": 91.0, "tolerance": 1.0, "role": "calibration", "source": "HPSS"},
        {"system": "hpss", "cell": HALF, "protocol": "cycling_1C", "metric": "average CE, cycles 2-800",
         "unit": "%", "reported": 99.5, "tolerance": 1.0, "role": "calibration", "source": "HPSS"},
        {"system": "hpss", "cell": "hpss_half", "protocol": "formation",
         "metric": "initial Coulombic efficiency", "unit": "%", "reported": None, "role": "prediction"},
    ]  # fmt: skip
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records))
    targets = make_targets(HALF, "cycling_1C", data=path)
    assert [t.name for t in targets] == ["initial Coulombic efficiency", "average CE, cycles 2-800"]
    assert targets[1].cycles_needed() == 800 and targets[0].sigma == 1.0
    picked = make_targets(HALF, "cycling_1C", data=path, targets=["initial Coulombic efficiency"])
    assert [t.name for t in picked] == ["initial Coulombic efficiency"]
    with pytest.raises(SibammError, match="no metric with a reported value"):
        make_targets("hpss_half", "formation", data=path)


def test_charge_transfer_resistance_metric():
    """R_ct = RT/(F j0 a L): 3x lower with the carbon coat (j0 x3), independent of the electrode
    thickness at a fixed loading (a L = 3 loading / (rho R) for a solid sphere), and a fit of the
    loading to an R_ct target goes through the derived volume fraction."""
    from sibamm.fitting.targets import charge_transfer_resistance

    coated = charge_transfer_resistance(get_cell(HALF).values())
    assert charge_transfer_resistance(get_cell("hpss_half").values()) == pytest.approx(3 * coated, rel=1e-9)
    thick = charge_transfer_resistance(get_cell(HALF).values({"Si electrode thickness [m]": 50e-6}))
    assert thick == pytest.approx(coated, rel=1e-9)
    loading = "Si mass loading [kg.m-2]"
    result = fit(
        HALF, "formation", [f"{loading}=5e-3:2e-2"], targets=["charge-transfer resistance=15"], progress=False
    )
    assert result.parameters[loading] == pytest.approx(1.25e-2 * coated / 15, rel=1e-4)


def test_refit_check_evaluates_declared_targets_at_shipped_values():
    """One formation simulation: the shipped first-cycle values meet their declared targets."""
    from sibamm.fitting.shipped import check

    rows = check(only=["hpss_c_first_cycle"])["check"]
    assert len(rows) == 5
    for r in rows:
        assert r["simulated"] is not None
        if r["comparison"] == "upper bound":
            assert r["simulated"] < r["reported"]
        else:
            assert r["within sigma"], r


def test_fit_cli_contract(tmp_path, capsys):
    """`--json -` prints only the JSON, with parameters, cost and targets; --out writes a parameter set
    that loads as a cell."""
    argv = ["fit", HALF, "formation", "--param", f"{COND}=1e-5:1e-1", "--target"]
    argv += ["conductivity of delithiated Si=2e-3", "--json", "-", "--out", str(tmp_path / "fit"), "--quiet"]
    code, out, err = _cli(argv, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["parameters"][COND] == pytest.approx(2e-3, rel=1e-4)
    assert {"parameters", "cost", "targets"} <= set(data) and data["targets"][0]["name"].startswith(
        "conductivity"
    )
    assert "parameter set" in err
    values = get_cell(str(tmp_path / "fit" / "parameters.json")).values()
    assert values[COND].kind == "fitted" and values[COND].value == pytest.approx(2e-3, rel=1e-4)


def test_every_shipped_fitted_value_is_declared():
    for (cell, name), value in fitted_values().items():
        if name in NOT_REFIT:
            continue
        decl = declared_for(name, cell)
        assert decl is not None, f"{cell}: fitted value {name!r} has no declared fit"
        assert value.value >= min(p[1] for p in decl.parameters if p[0] == name)
        assert value.value <= max(p[2] for p in decl.parameters if p[0] == name)
    lines = "\n".join(report_lines())
    for decl in DECLARED:
        assert decl.name in lines


def test_scalar_target_upper_bound():
    proto = get_protocol("formation")
    t = ScalarTarget(
        "outer diameter change at full lithiation", 10.0, proto, "half", comparison="upper bound"
    )

    class R:
        table = pd.DataFrame({"outer diameter change, lithiated [%]": [6.0]})

    assert t.residuals(R, {})[0] == 0.0
    R.table = pd.DataFrame({"outer diameter change, lithiated [%]": [12.0]})
    assert t.residuals(R, {})[0] == pytest.approx(2.0)


# --------------------------------------------------------------------------- recovery


@pytest.fixture(scope="module")
def two_cycle_data(tmp_path_factory):
    """Formation + two 1C cycles, simulated with a faster diffusivity and a larger SEI capacity."""
    truth = {D: 2.0 * D0, SEI: 4.2e-4}
    result = simulate(HALF, "cycling_1C", cycles=3, overrides=truth, progress=False, keep_profiles=())
    path = tmp_path_factory.mktemp("fit") / "synthetic.csv"
    result.write_csv(path)
    table = tmp_path_factory.mktemp("fit") / "cycles.csv"
    result.table.to_csv(table, index=False)
    return truth, path, table


@pytest.mark.slow
def test_recovers_two_parameters_from_a_multicycle_time_series(two_cycle_data, tmp_path):
    """Diffusivity and SEI formation capacity at once, from 3 cycles of voltage, within 5%,
    starting from the shipped values, a factor 2 away (about 2.5 minutes on 2 shared cores)."""
    truth, path, _ = two_cycle_data
    result = fit(
        HALF,
        "cycling_1C",
        [f"{D}=3e-16:3e-14", f"{SEI}=1e-4:1.2e-3"],
        data=path,
        progress=False,
        max_evaluations=40,
    )
    for name, true in truth.items():
        assert result.parameters[name] == pytest.approx(true, rel=0.05), (name, result.parameters)
    out = result.to_dict()
    assert set(out["correlation"]["names"]) == set(truth)
    assert abs(out["correlation"]["matrix"][0][1]) <= 1
    # the parameter set loads as a cell and carries the provenance of the fit
    saved = result.write_parameter_set(tmp_path / "fitted.json")
    values = get_cell(str(saved)).values()
    assert values[D].kind == "fitted" and "synthetic.csv" in values[D].source
    assert values[D].targets and values[D].targets[0]["name"] == "Voltage [V]"
    assert values[D].value == pytest.approx(result.parameters[D])


def test_recovers_two_parameters_fast(tmp_path):
    """Fast variant: diffusivity and SEI formation capacity at once from two cycles (formation and
    one 1C cycle) of voltage, within 5%; start 25-40% away, stop at a 1e-3 step."""
    truth = {D: 1.4 * D0, SEI: 4.2e-4}
    sim = simulate(HALF, "cycling_1C", cycles=2, overrides=truth, progress=False, keep_profiles=())
    sim.write_csv(tmp_path / "two_cycles.csv")
    result = fit(
        HALF,
        "cycling_1C",
        [f"{D}=3e-16:3e-14", f"{SEI}=1e-4:1.2e-3"],
        data=tmp_path / "two_cycles.csv",
        progress=False,
        max_evaluations=20,
        xtol=1e-3,
    )
    for name, true in truth.items():
        assert result.parameters[name] == pytest.approx(true, rel=0.05), (name, result.parameters)
    assert result.cost < 1e-2


def test_cycle_table_target_reads_capacity_columns(two_cycle_data):
    """The per-cycle table written by `simulate --out` is a valid target; at the true values the
    residuals vanish."""
    truth, _, table = two_cycle_data
    targets = make_targets(
        HALF, "cycling_1C", data=table, targets=["delithiation capacity [mAh/g]", "CE [%]"]
    )
    assert [t.name for t in targets] == ["delithiation capacity [mAh/g]", "CE [%]"]
    sim = simulate(HALF, "cycling_1C", cycles=3, overrides=truth, progress=False, keep_profiles=())
    for t in targets:
        assert np.abs(t.residuals(sim, None)).max() < 1e-6
