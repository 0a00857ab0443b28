"""The runner keeps finished cycles when the solver fails or the user interrupts."""

import pandas as pd
import pybamm
import pytest

from sibamm import simulate
from sibamm.cli import main


def _fail_on_call(monkeypatch, n_fail, exc):
    real = pybamm.Simulation.solve
    calls = {"n": 0}

    def solve(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n_fail:
            raise exc
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pybamm.Simulation, "solve", solve)


def test_solver_failure_keeps_finished_cycles(monkeypatch, tmp_path):
    _fail_on_call(monkeypatch, 4, pybamm.SolverError("IDA_CONV_FAIL: convergence test failures"))
    table_path = tmp_path / "cycles.csv"
    result = simulate("hpss_c_half", "cycling_1C", cycles=6, progress=False, table_path=table_path)
    assert result.status == "failed"
    assert "cycle 4" in result.message and "IDA_CONV_FAIL" in result.message
    assert list(result.table["cycle"]) == [1, 2, 3]
    assert len(pd.read_csv(table_path)) == 3


def test_interrupt_keeps_the_table(monkeypatch, tmp_path):
    _fail_on_call(monkeypatch, 3, KeyboardInterrupt())
    table_path = tmp_path / "cycles.csv"
    result = simulate("hpss_c_half", "cycling_1C", cycles=6, progress=False, table_path=table_path)
    assert result.status == "interrupted"
    assert len(result.table) == 2 and len(pd.read_csv(table_path)) == 2


def test_cli_simulate_writes_csv_json_and_table(tmp_path, capsys):
    csv, js, out = tmp_path / "ts.csv", tmp_path / "r.json", tmp_path / "run"
    code = main(
        [
            "simulate",
            "hpss_c_half",
            "cycling_1C",
            "--cycles",
            "2",
            "--csv",
            str(csv),
            "--json",
            str(js),
            "--out",
            str(out),
            "--quiet",
            "--set",
            "Si particle diffusivity [m2.s-1]=6e-15",
        ]
    )
    assert code == 0
    ts = pd.read_csv(csv)
    assert list(ts.columns) == ["Time [s]", "Current [A]", "Voltage [V]", "Cycle"]
    assert set(ts["Cycle"]) == {1, 2} and ts["Time [s]"].is_monotonic_increasing
    assert (ts["Voltage [V]"].between(0.004, 1.51)).all()
    assert len(pd.read_csv(out / "cycles.csv")) == 2
    assert (out / "capacity.png").exists()
    import json

    data = json.loads(js.read_text())
    assert data["status"] == "completed" and len(data["cycles"]) == 2


def test_full_cell_reports_si_potential_vs_li():
    result = simulate("hpss_c_lco_full", "full_cell_0.2C", cycles=1, progress=False, keep_profiles=(1,))
    assert result.completed
    from sibamm.models import SiliconDFN

    model = SiliconDFN({"cell": "full"})
    assert "Si electrode potential vs Li [V]" in model.variables
    assert "X-averaged Si particle outer radius [m]" in model.variables


@pytest.mark.parametrize("cell", ["hpss_c_half", "hpss_c_lco_full"])
def test_models_are_well_posed(cell):
    from sibamm.models import SiliconDFN
    from sibamm.parameters import get_cell

    model = SiliconDFN(get_cell(cell).model_options)
    model.check_well_posedness()


@pytest.mark.parametrize(
    "options",
    [
        {"particle shape": "spherical"},
        {"silicon phases": "amorphous"},
        {"loss of active material": "none"},
        {"SEI": "none"},
        {"Si conductivity": "constant"},
        {"cell": "full", "SEI": "none", "silicon phases": "amorphous"},
    ],
)
def test_option_variants_are_well_posed(options):
    from sibamm.models import SiliconDFN

    SiliconDFN({"cell": "half", **options}).check_well_posedness()
