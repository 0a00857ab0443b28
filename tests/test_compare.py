"""Design comparison: the design-space parser's error paths, sampling, keys, the stack model,
and the runner's resume and failure recording (a tiny real sweep)."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from sibamm import SibammError
from sibamm.cli import main
from sibamm.compare import DesignSpace, ResultStore, compare, default_space, latin_hypercube, resolve
from sibamm.compare import runner as runner_module
from sibamm.compare.report import pareto_front
from sibamm.compare.stack import stack_mass_thickness

#: the cheapest real design: formation + one 1C cycle of a thin HPSS@C half cell
TINY = {"material": "HPSS@C", "cell": "half", "protocol": "cycling", "cycles": 1, "areal_capacity": 1.0}


# ------------------------------------------------------------------ parser error paths


@pytest.mark.parametrize(
    ("design", "fragments"),
    [
        ({"loadng": 1.0}, ["unknown design axis 'loadng'", "known axes"]),
        ({"material": "Ge"}, ["unknown Si material 'Ge'", "HPSS@C"]),
        ({"material": "QMS(abc)"}, ["'abc' is not a number"]),
        ({"material": "QMS(0.3)", "s_doping": 0.7}, ["contradicts s_doping"]),
        (
            {"material": "uSi", "electrolyte": "sulfide", "thickness": 5},
            ["does not apply to a dense Si film"],
        ),
        ({"material": "uSi", "electrolyte": "liquid"}, ["dense SE-free", "liquid"]),
        ({"material": "Si@AlCl3-0.1", "electrolyte": "liquid"}, ["dense SE-free"]),
        ({"material": "HPSS@C", "architecture": "dense"}, ["dense SE-free", "liquid"]),
        ({"material": "Si@AlCl3", "electrolyte": "sulfide", "porosity": 0.3}, ["dense Si film"]),
        ({"material": "HPSS@C", "electrolyte": "sulfide"}, ["built for liquid cells", "'Si@AlCl3', 'uSi'"]),
        ({"electrolyte": "polymer"}, ["electrolyte 'polymer' is not known"]),
        ({"cell": "pouch"}, ["cell 'pouch' is not known"]),
        ({"cell": "half", "cathode": "LCO"}, ["cathode applies to full cells only"]),
        ({"cell": "half", "n_p": 1.1}, ["n_p applies to full cells only"]),
        ({"cell": "full", "cathode": "NCM88"}, ["NCM88", "not paired with the liquid"]),
        ({"s_doping": 0.3}, ["s_doping applies to QMS only"]),
        ({"alcl3_fraction": 0.1}, ["alcl3_fraction applies to Si@AlCl3 only"]),
        ({"particle_radius": 1.0, "inner_radius": 1.5}, ["inner_radius 1.5 um must be smaller"]),
        ({"material": "SiNP", "inner_radius": 0.1}, ["hollow particles", "solid"]),
        ({"thickness": 30, "porosity": 0.6}, ["give one of thickness, porosity, density"]),
        ({"loading": 1.0, "areal_capacity": 2.0}, ["loading or areal_capacity"]),
        ({"cell": "full", "loading": 1.0, "n_p": 1.2}, ["loading or n_p"]),
        ({"loading": "heavy"}, ["expects a number"]),
        ({"loading": 0}, ["loading = 0 must be positive"]),
        ({"loading": -1.0}, ["below the allowed"]),
        ({"porosity": 0.99}, ["above the allowed"]),
        ({"cycles": 2.5}, ["whole number"]),
        ({"cycles": 0}, ["cycles = 0 is below the allowed 1"]),
        ({"protocol": "marathon"}, ["protocol 'marathon' is not known"]),
        ({"loading": 20.0, "thickness": 20}, ["porosity", "unphysical"]),
        ({"areal_capacity": float("nan")}, ["not finite"]),
    ],
)
def test_invalid_designs_are_rejected_with_one_line_reason(design, fragments):
    with pytest.raises(SibammError) as err:
        resolve(design)
    message = str(err.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("name = 'x'\n[grid\nloading = [1]", ["not valid TOML"]),
        ("[bsae]\nloading = 1.0", ["unknown design-space section 'bsae'"]),
        ("[grid]\nloading = 1.0", ["grid axis 'loading' must be a non-empty list"]),
        ("[grid]\nloading = []", ["non-empty list"]),
        ("[grid]\nloading = [1.0, -2.0]", ["below the allowed"]),
        ("[lhs]\nporosity = [0.5, 0.7]", ["samples"]),
        ("[lhs]\nsamples = 4", ["no axis range"]),
        ("[lhs]\nsamples = 4\nporosity = [0.7, 0.5]", ["low < high"]),
        ("[lhs]\nsamples = 4\nmaterial = ['HPSS', 'HPSS@C']", ["numeric axes only"]),
        ("[lhs]\nsamples = 4\nweight = [1, 2]", ["unknown design axis 'weight'"]),
        ("[grid]\nporosity = [0.6]\n[lhs]\nsamples = 2\nporosity = [0.5, 0.7]", ["both in [grid] and [lhs]"]),
        ("seed = -1", ["seed must be a non-negative integer"]),
        ("design = 3", ["[[design]] tables"]),
        ("[[design]]\ncell = 'half'\n[[design]]\ncell = 'half'\nn_p = 1.1", ["design 2", "n_p applies"]),
    ],
)
def test_design_space_file_errors(tmp_path, text, fragments):
    path = tmp_path / "space.toml"
    path.write_text(text)
    with pytest.raises(SibammError) as err:
        DesignSpace.from_file(path).resolve()
    for fragment in fragments:
        assert fragment in str(err.value), str(err.value)


def test_missing_space_file(tmp_path):
    with pytest.raises(SibammError, match="not found"):
        DesignSpace.from_file(tmp_path / "nope.toml")


def test_the_whole_space_is_checked_before_anything_runs(tmp_path, monkeypatch):
    def boom(spec):  # pragma: no cover - must not be reached
        raise AssertionError("ran a design of an invalid space")

    monkeypatch.setattr(runner_module, "run_design", boom)
    space = {"design": [TINY, {**TINY, "material": "uSi"}]}
    with pytest.raises(SibammError, match="design 2"):
        compare(space, db=tmp_path / "s.sqlite", workers=1, progress=False)
    assert not (tmp_path / "s.sqlite").exists() or not ResultStore(tmp_path / "s.sqlite").get()


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "--json", "a.json"],  # --db missing
        ["compare", "--db", "s.sqlite"],  # --json missing
        ["compare", "missing.toml", "--json", "a.json", "--db", "s.sqlite"],
        ["compare", "--json", "a.json", "--db", "s.sqlite", "--workers", "0"],
    ],
)
def test_cli_compare_bad_input_is_one_line_exit_2(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("sibamm: error:") and "\n" not in err


def test_cli_compare_invalid_space_is_one_line_exit_2(tmp_path, capsys):
    path = tmp_path / "space.toml"
    path.write_text("[base]\nmaterial = 'uSi'\nelectrolyte = 'liquid'\n")
    assert main(["compare", str(path), "--json", str(tmp_path / "a.json"), "--db", str(tmp_path / "s")]) == 2
    err = capsys.readouterr().err.strip()
    assert "dense SE-free" in err and "\n" not in err


# ------------------------------------------------------------------ sampling and keys


def test_latin_hypercube_is_seeded_and_stratified():
    a = latin_hypercube({"porosity": [0.5, 0.7], "loading": [0.5, 1.5]}, 8, seed=3)
    b = latin_hypercube({"porosity": [0.5, 0.7], "loading": [0.5, 1.5]}, 8, seed=3)
    c = latin_hypercube({"porosity": [0.5, 0.7], "loading": [0.5, 1.5]}, 8, seed=4)
    assert a == b and a != c
    for name, (low, high) in {"porosity": (0.5, 0.7), "loading": (0.5, 1.5)}.items():
        strata = sorted(int((p[name] - low) / (high - low) * 8) for p in a)
        assert strata == list(range(8))  # one sample per stratum


def test_grid_lhs_and_explicit_designs_combine(tmp_path):
    path = tmp_path / "space.toml"
    path.write_text(
        "seed = 11\n[base]\ncell = 'half'\ncycles = 3\n"
        "[grid]\nmaterial = ['HPSS@C', 'HPSS']\n"
        "[lhs]\nsamples = 3\nporosity = [0.55, 0.75]\n"
        "[[design]]\nmaterial = 'HPSS'\ncell = 'full'\nn_p = 1.2\n"
    )
    space = DesignSpace.from_file(path)
    designs = space.resolve()
    assert len(designs) == 2 * 3 + 1
    assert designs[-1].axes["cell"] == "full" and designs[-1].axes["n_p"] == 1.2
    porosities = sorted({round(d.axes["porosity"], 6) for d in designs[:-1]})
    assert len(porosities) == 3 and all(0.55 <= p <= 0.75 for p in porosities)
    # the porosity axis sets the electrode porosity
    d = designs[0]
    assert d.cell.values(d.overrides)["Si electrode porosity"].value == pytest.approx(d.axes["porosity"])
    # same file, same designs and keys
    assert [x.key for x in DesignSpace.from_file(path).resolve()] == [x.key for x in designs]


def test_design_keys_are_stable_and_follow_the_resolved_values():
    a, b = resolve(TINY), resolve(dict(TINY))
    assert a.key == b.key
    assert resolve({**TINY, "areal_capacity": 1.1}).key != a.key
    assert resolve({**TINY, "cycles": 2}).key != a.key
    # a label does not change what is simulated
    assert resolve({**TINY, "label": "mine"}).key == a.key


def test_axes_reach_the_cell_parameters():
    d = resolve({"material": "HPSS", "cell": "half", "loading": 0.9, "particle_radius": 2.0, "density": 0.5})
    v = {k: x.value for k, x in d.cell.values(d.overrides).items()}
    assert v["Si mass loading [kg.m-2]"] == pytest.approx(0.9e-2)
    assert v["Si particle radius [m]"] == pytest.approx(2e-6)
    assert v["Si particle inner radius [m]"] == pytest.approx(1e-6)  # hollow fraction kept
    coating = v["Si mass loading [kg.m-2]"] / v["Si electrode active mass fraction"]
    assert coating / v["Si electrode thickness [m]"] == pytest.approx(500.0)
    full = resolve({"material": "HPSS@C", "cell": "full", "areal_capacity": 3.0, "n_p": 1.2})
    fv = {k: x.value for k, x in full.cell.values(full.overrides).items()}
    assert fv["LCO mass loading [kg.m-2]"] == pytest.approx(0.2)
    assert fv["Si mass loading [kg.m-2]"] == pytest.approx(1.2 * 3.0 / 3500 * 10)


def test_default_space_is_the_shipped_materials_in_half_and_full_cells():
    designs = default_space().resolve()
    pairs = {(d.axes["material"], d.axes["cell"]) for d in designs}
    liquid = {"HPSS@C", "HPSS", "pc-SiNP", "sc-SiNP", "QMS"}
    sulfide = {"uSi", "Si@AlCl3"}
    assert pairs == {(m, c) for m in liquid | sulfide for c in ("half", "full")}
    assert all(
        d.axes["electrolyte"] == ("sulfide" if d.axes["material"] in sulfide else "liquid") for d in designs
    )
    assert {d.axes["areal_capacity"] for d in designs} == {2.5}


# ------------------------------------------------------------------ stack model and report


def test_swelling_counts_in_volume_not_mass():
    d = resolve({"material": "HPSS@C", "cell": "full", "areal_capacity": 2.5})
    values = d.cell.values(d.overrides)
    flat = stack_mass_thickness(values, "full", 0.0, 0.0, "LCO")
    swollen = stack_mass_thickness(values, "full", 50.0, 0.0, "LCO")
    assert swollen["mass [kg.m-2]"] == flat["mass [kg.m-2]"]
    L_si = values["Si electrode thickness [m]"].value
    assert swollen["thickness [m]"] - flat["thickness [m]"] == pytest.approx(0.5 * L_si)
    assert flat["thickness [m]"] == pytest.approx(swollen["pristine thickness [m]"])


def test_half_cell_stack_charges_low_ice_to_the_positive():
    d = resolve(TINY)
    values = d.cell.values(d.overrides)
    small = stack_mass_thickness(values, "half", 0.0, 10.0, "LCO")
    large = stack_mass_thickness(values, "half", 0.0, 12.0, "LCO")
    assert large["positive coating [kg.m-2]"] == pytest.approx(1.2 * small["positive coating [kg.m-2]"])


def test_pareto_front():
    pts = [(1, 5), (2, 4), (3, 1), (1.5, 3), (None, 9), (2, 4)]
    assert pareto_front(pts) == [0, 1, 5, 2] or set(pareto_front(pts)) == {0, 1, 2, 5}
    assert 3 not in pareto_front(pts)


# ------------------------------------------------------------------ runner: resume and failures


def _fake_failure(monkeypatch, material="HPSS"):
    real = runner_module.simulate

    def simulate(cell, protocol, **kw):
        if cell.name.startswith(material + " "):
            raise RuntimeError("injected solver crash\nsecond line")
        return real(cell, protocol, **kw)

    monkeypatch.setattr(runner_module, "simulate", simulate)


def test_sweep_records_failures_resumes_and_gives_the_same_records(tmp_path, monkeypatch):
    _fake_failure(monkeypatch)
    db, out = tmp_path / "s.sqlite", tmp_path / "report"
    space = {"design": [TINY, {**TINY, "material": "HPSS"}]}
    first = compare(space, db=db, workers=1, progress=False, json_path=tmp_path / "a.json", out=out)
    assert (first.ran, first.skipped, first.failed) == (2, 0, 1)
    ok, bad = first.records
    assert ok["status"] == "completed" and ok["metrics"]["ICE"] > 80
    assert ok["metrics"]["specific energy"] > 0 and len(ok["ragone"]) == 1
    assert bad["status"] == "failed" and bad["reason"] == "RuntimeError: injected solver crash"
    assert (out / "COMPARE.md").read_text().count("injected solver crash") == 1

    def must_not_run(spec):  # pragma: no cover
        raise AssertionError("a finished design ran again")

    monkeypatch.setattr(runner_module, "run_design", must_not_run)
    second = compare(space, db=db, workers=1, progress=False, json_path=tmp_path / "b.json")
    assert (second.ran, second.skipped) == (0, 2)
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    rows = sqlite3.connect(db).execute("SELECT status, reason FROM designs ORDER BY status").fetchall()
    assert rows == [("completed", ""), ("failed", "RuntimeError: injected solver crash")]


def test_interrupted_sweep_resumes_with_only_the_missing_designs(tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    ran = []

    def fake(spec):
        ran.append(spec["label"])
        return {
            **spec,
            "status": "completed",
            "reason": "",
            "metrics": {"ICE": 90.0},
            "ragone": [],
            "details": {},
        }

    monkeypatch.setattr(runner_module, "run_design", fake)
    designs = [TINY, {**TINY, "areal_capacity": 1.2}, {**TINY, "areal_capacity": 1.4}]
    compare({"design": designs[:1]}, db=db, workers=1, progress=False)  # "interrupted" after one design
    result = compare({"design": designs}, db=db, workers=1, progress=False)
    assert (result.ran, result.skipped) == (2, 1) and len(ran) == 3 and len(set(ran)) == 3
    assert [r["axes"]["areal_capacity"] for r in result.records] == [1.0, 1.2, 1.4]


def test_store_rejects_a_directory_and_a_foreign_file(tmp_path):
    with pytest.raises(SibammError, match="is a directory"):
        ResultStore(tmp_path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(SibammError, match="not a sibamm results store"):
        ResultStore(junk)


def test_dask_scheduler_gives_the_same_number_of_records(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    space = {"design": [TINY, {**TINY, "material": "HPSS"}]}
    local = compare(space, db=tmp_path / "local.sqlite", workers=1, progress=False)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    ) as cluster:
        remote = compare(
            space, db=tmp_path / "dask.sqlite", scheduler=cluster.scheduler_address, progress=False
        )
    assert len(remote.records) == len(local.records) == 2
    assert [r["key"] for r in remote.records] == [r["key"] for r in local.records]
    assert all(r["status"] == "completed" for r in remote.records)
    for a, b in zip(local.records, remote.records):
        assert a["metrics"]["ICE"] == pytest.approx(b["metrics"]["ICE"], rel=1e-6)


def test_unreachable_scheduler_is_a_user_error(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(runner_module, "SCHEDULER_TIMEOUT", "2s")
    with pytest.raises(SibammError, match="cannot reach the Dask scheduler"):
        compare({"design": [TINY]}, db=tmp_path / "s.sqlite", scheduler="tcp://127.0.0.1:1", progress=False)


def test_json_output_holds_space_and_records(tmp_path, monkeypatch):
    def fake(spec):
        return {
            **spec,
            "status": "completed",
            "reason": "",
            "metrics": {"ICE": 90.0},
            "ragone": [],
            "details": {},
        }

    monkeypatch.setattr(runner_module, "run_design", fake)
    compare(
        {"seed": 5, "design": [TINY]}, db=tmp_path / "s.sqlite", json_path=tmp_path / "o.json", progress=False
    )
    data = json.loads((tmp_path / "o.json").read_text())
    assert data["space"]["seed"] == 5 and data["designs"] == 1
    assert data["records"][0]["metrics"]["ICE"] == 90.0
    assert np.isfinite(data["records"][0]["metrics"]["ICE"])


def test_comparison_section_goes_into_the_validation_report(tmp_path):
    from sibamm.compare import report_section
    from sibamm.validation.report import write_report

    rec = {
        "key": "k",
        "label": "HPSS@C | Li half cell (liquid)",
        "status": "completed",
        "reason": "",
        "axes": {"cell": "half"},
        "metrics": {
            "ICE": 91.0,
            "specific energy": 250.0,
            "retention at end": 97.0,
            "cycles to 80%": None,
            "electrode swelling, lithiated": 20.0,
        },
        "ragone": [{"rate": "0.1C", "specific energy [Wh/kg]": 250.0, "specific power [W/kg]": 25.0}],
        "details": {"protocol": "formation 0.1C, then 1 cycles at 1C"},
    }
    failed = {
        **rec,
        "key": "f",
        "label": "broken",
        "status": "failed",
        "reason": "RuntimeError: x",
        "metrics": {},
    }
    lines = report_section([rec, failed], tmp_path, title="Design comparison")
    write_report(tmp_path / "REPORT.md", {}, extra=lines)
    text = (tmp_path / "REPORT.md").read_text()
    assert "## Design comparison" in text and "| HPSS@C \\| Li half cell (liquid) | completed | 91 |" in text
    assert "| broken | RuntimeError: x |" in text
    for name in ("bars", "pareto", "ragone", "swelling_vs_life"):
        assert (tmp_path / f"compare_{name}.png").is_file() and f"compare_{name}.png" in text


def test_ctrl_c_keeps_finished_designs_and_stores_nothing_half_done(tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    designs = [TINY, {**TINY, "areal_capacity": 1.2}, {**TINY, "areal_capacity": 1.4}]

    def interrupted_at_second(spec):
        status = "interrupted" if spec["axes"]["areal_capacity"] == 1.2 else "completed"
        return {**spec, "status": status, "reason": "", "metrics": {"ICE": 90.0}, "ragone": [], "details": {}}

    monkeypatch.setattr(runner_module, "run_design", interrupted_at_second)
    with pytest.raises(KeyboardInterrupt):
        compare({"design": designs}, db=db, workers=1, progress=False)
    with ResultStore(db) as store:
        assert [r["axes"]["areal_capacity"] for r in store.get()] == [1.0]


def test_cli_compare_ctrl_c_is_a_resume_hint(tmp_path, monkeypatch, capsys):
    def interrupt(*args, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr("sibamm.compare.compare", interrupt)
    assert main(["compare", "--json", str(tmp_path / "a.json"), "--db", str(tmp_path / "s.sqlite")]) == 130
    assert "run the same command to resume" in capsys.readouterr().err


def test_alcl3_material_names_take_the_papers_wt_percent():
    by_percent = resolve({"material": "Si@AlCl3-15", "electrolyte": "sulfide"})
    by_fraction = resolve({"material": "Si@AlCl3-0.15", "electrolyte": "sulfide"})
    assert by_percent.axes["alcl3_fraction"] == by_fraction.axes["alcl3_fraction"] == 0.15
    assert by_percent.label.startswith("Si@AlCl3-15 | Li-In half cell")
    values = by_percent.cell.values(by_percent.overrides)
    assert values["Si AlCl3 mass fraction"].value == 0.15
