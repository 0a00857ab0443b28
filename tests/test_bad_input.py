"""Every user error gives a one-line message and a non-zero exit, never a traceback.

Each error must be raised before any solve: ``pybamm.Simulation.solve`` is patched to fail,
so these tests stay fast and a missed check shows up as a solve attempt, not a long run.
"""

from __future__ import annotations

import math

import pybamm
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import sibamm
from sibamm import SibammError, cli
from sibamm.api import parameters
from sibamm.experiments import PROTOCOLS, get_protocol
from sibamm.models import SiliconDFN
from sibamm.models.options import SIBAMM_OPTIONS, resolve_options
from sibamm.parameters.cells import CELLS, check_physical, get_cell
from sibamm.parameters.provenance import assumed
from sibamm.simulation import simulate
from sibamm.validation import validate

HALF, FULL = "hpss_c_half", "hpss_c_lco_full"
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def no_solve(monkeypatch):
    """Any attempt to solve is a test failure: user errors must be caught before that."""

    def forbidden(*args, **kwargs):
        raise AssertionError("a solve was attempted: the user error was not caught up front")

    monkeypatch.setattr(pybamm.Simulation, "solve", forbidden)


def assert_one_line(message: str, *fragments: str) -> None:
    """A non-empty single-line message containing every fragment."""
    assert message.strip(), "empty error message"
    assert "\n" not in message.strip(), f"message is not one line: {message!r}"
    assert "Traceback" not in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def api_error(func, *args, **kwargs) -> str:
    with pytest.raises(SibammError) as info:
        func(*args, **kwargs)
    assert isinstance(info.value, ValueError)  # SibammError is a ValueError for callers
    return str(info.value)


def run_cli(argv, capsys) -> tuple[int, str, str]:
    """Run ``sibamm.cli.main``; argparse errors exit via SystemExit, which the console script
    turns into the same exit status, so both forms count as the exit code."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_cli_error(argv, capsys, *fragments: str) -> str:
    code, out, err = run_cli(argv, capsys)
    assert code == 2, f"exit code {code} for {argv}; stderr {err!r}"
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, f"stderr is not one line: {err!r}"
    assert err.startswith("sibamm: error: ")
    assert_one_line(err, *fragments)
    return err


# --------------------------------------------------------------------------- unknown names


def test_unknown_cell_api():
    msg = api_error(simulate, "no_such_cell", "formation", progress=False)
    assert_one_line(msg, "'no_such_cell'", *CELLS)
    assert_one_line(api_error(get_cell, "no_such_cell"), "'no_such_cell'", HALF)
    assert_one_line(api_error(parameters, "no_such_cell"), "'no_such_cell'", HALF)


def test_unknown_protocol_api():
    msg = api_error(simulate, HALF, "no_such_protocol", progress=False)
    assert_one_line(msg, "'no_such_protocol'", *PROTOCOLS)


@pytest.mark.parametrize(
    ("cell", "protocol", "wanted", "given_type"),
    [
        (HALF, "full_cell_0.2C", "full", "half"),
        (FULL, "cycling_1C", "half", "full"),
        ("hpss_half", "full_cell_0.2C", "full", "half"),
        (FULL, "formation", "half", "full"),
    ],
)
def test_protocol_for_wrong_cell_type_api(cell, protocol, wanted, given_type):
    msg = api_error(simulate, cell, protocol, progress=False)
    assert_one_line(msg, repr(protocol), f"{wanted} cells", f"not a {given_type} cell")
    assert_one_line(api_error(get_protocol, protocol, given_type), repr(protocol))


def test_matching_protocol_and_cell_type_is_accepted():
    for name, protocol in PROTOCOLS.items():
        for cell_type in protocol.cell_types:
            assert get_protocol(name, cell_type) is protocol


def test_unknown_parameter_api():
    msg = api_error(simulate, HALF, "formation", overrides={"Si particle radius [mm]": 1.0}, progress=False)
    assert_one_line(msg, "'Si particle radius [mm]'", f"sibamm list --parameters {HALF}")
    # PyBaMM's slot names are not sibamm names: the user never sees the slot
    msg = api_error(get_cell(HALF).values, {"Positive particle radius [m]": 1e-6})
    assert_one_line(msg, "'Positive particle radius [m]'")


# --------------------------------------------------------------------------- unphysical values

UNPHYSICAL = [
    # (overrides, fragments the message must contain)
    ({"Si particle inner radius [m]": 2e-6}, ("inner radius", "2e-06", "smaller than the outer radius")),
    ({"Si particle inner radius [m]": 1.6e-6}, ("inner radius", "1.6e-06", "smaller than the outer radius")),
    ({"Si particle radius [m]": 0.5e-6}, ("inner radius", "5e-07", "smaller than the outer radius")),
    ({"Si mass loading [kg.m-2]": -1.0}, ("Si mass loading [kg.m-2]", "-1", "must be positive")),
    ({"Si mass loading [kg.m-2]": 0.0}, ("Si mass loading [kg.m-2]", "0", "must be positive")),
    ({"Si electrode thickness [m]": -35e-6}, ("Si electrode thickness [m]", "must be positive")),
    ({"Si particle diffusivity [m2.s-1]": -1e-15}, ("Si particle diffusivity [m2.s-1]", "must be positive")),
    ({"Si particle shell porosity": 1.5}, ("Si particle shell porosity", "1.5", "[0, 1]")),
    ({"Si particle shell porosity": -0.1}, ("Si particle shell porosity", "-0.1", "[0, 1]")),
    ({"Separator porosity": 2.0}, ("Separator porosity", "2.0", "[0, 1]")),
    ({"Si electrode active mass fraction": 1.2}, ("Si electrode active mass fraction", "1.2", "[0, 1]")),
    ({"Si electrode porosity": 1.01}, ("Si electrode porosity", "1.01", "[0, 1]")),
    ({"Si particle radius [m]": math.nan}, ("Si particle radius [m]", "nan", "not a finite number")),
    ({"Si particle radius [m]": math.inf}, ("Si particle radius [m]", "inf", "not a finite number")),
    ({"Si particle diffusivity [m2.s-1]": -math.inf}, ("Si particle diffusivity [m2.s-1]", "-inf", "finite")),
    ({"Si particle shell porosity": math.nan}, ("Si particle shell porosity", "nan", "finite")),
    # a loading the electrode cannot hold: derived porosity below the allowed range
    ({"Si mass loading [kg.m-2]": 0.2}, ("Si electrode porosity", "allowed (0.05, 1)")),
]


@pytest.mark.parametrize(("overrides", "fragments"), UNPHYSICAL, ids=lambda p: str(p)[:60])
@pytest.mark.parametrize("cell", ["hpss_c_half", "hpss_c_lco_full"])
def test_unphysical_value_api(cell, overrides, fragments):
    if cell == FULL and "Si mass loading [kg.m-2]" in overrides and overrides["Si mass loading [kg.m-2]"] > 0:
        pytest.skip("the full cell derives its Si loading from the N/P ratio")
    msg = api_error(
        simulate, cell, "formation" if cell == HALF else "full_cell_0.2C", overrides=overrides, progress=False
    )
    assert_one_line(msg, *fragments)


@pytest.mark.parametrize(
    ("overrides", "fragments"),
    [
        # 1 - porosity = 0 divides by zero in the envelope volume fraction
        ({"Si particle shell porosity": 1.0}, ("Si particle shell porosity",)),
        # a zero active mass fraction divides by zero in the total electrode mass
        ({"Si electrode active mass fraction": 0.0}, ("Si electrode active mass fraction",)),
    ],
    ids=["shell porosity 1", "active mass fraction 0"],
)
def test_boundary_values_give_a_user_error_not_a_crash(overrides, fragments):
    """Values at the edge of [0, 1] that make the derived quantities meaningless."""
    msg = api_error(get_cell(HALF).values, overrides)
    assert_one_line(msg, *fragments)


def test_zero_np_ratio_gives_a_user_error_not_a_crash():
    msg = api_error(get_cell(FULL).values, {"N/P ratio": 0.0})
    assert_one_line(msg, "N/P")


@pytest.mark.parametrize(
    "overrides",
    [
        {"Ambient temperature [K]": -5.0},
        {"Initial temperature [K]": 0.0},
        {"C-rate definition [A.kg-1]": -3500.0},
    ],
    ids=lambda o: next(iter(o)),
)
def test_other_unphysical_values_are_rejected(overrides):
    msg = api_error(get_cell(HALF).values, overrides)
    assert_one_line(msg, next(iter(overrides)))


def test_non_numeric_override_api():
    msg = api_error(get_cell(HALF).values, {"Si particle radius [m]": "abc"})
    assert_one_line(msg, "Si particle radius [m]")


def test_full_cell_loading_override_is_not_silently_ignored():
    """The full cell derives its Si loading from the N/P ratio: a user value must either be
    used or refused, never dropped without a word."""
    try:
        values = get_cell(FULL).values({"Si mass loading [kg.m-2]": 5e-3})
    except SibammError as err:
        assert_one_line(str(err), "Si mass loading")
    else:
        assert values["Si mass loading [kg.m-2]"].value == 5e-3


_BOUNDED = sorted(
    {
        name
        for cell in CELLS.values()
        for name, v in cell.values().items()
        if isinstance(v.value, float) and ("porosity" in name.lower() or "fraction" in name.lower())
    }
)
_OUTSIDE_UNIT = st.one_of(
    st.floats(max_value=-1e-12, allow_nan=False, allow_infinity=False),
    st.floats(min_value=1 + 1e-12, allow_nan=False, allow_infinity=False),
)


@SETTINGS
@given(name=st.sampled_from(_BOUNDED), x=_OUTSIDE_UNIT)
def test_check_physical_rejects_any_fraction_outside_unit_interval(name, x):
    assert len(_BOUNDED) >= 10  # the porosities and fractions of the shipped cells
    with pytest.raises(SibammError) as info:
        check_physical({name: assumed(x, "test")})
    assert_one_line(str(info.value), name, "[0, 1]")


@SETTINGS
@given(
    name=st.sampled_from(_BOUNDED), x=st.floats(min_value=0, max_value=1, exclude_max=True, exclude_min=True)
)
def test_check_physical_accepts_fractions_inside_unit_interval(name, x):
    check_physical({name: assumed(x, "test")})


@pytest.mark.parametrize(
    "name", ["Si particle shell porosity", "Si electrode porosity", "Separator porosity"]
)
def test_porosities_must_stay_below_one(name):
    with pytest.raises(SibammError) as info:
        check_physical({name: assumed(1.0, "test")})
    assert_one_line(str(info.value), name, "below 1")


_NUMERIC = sorted(name for name, v in get_cell(HALF).values().items() if isinstance(v.value, float))


@SETTINGS
@given(name=st.sampled_from(_NUMERIC), x=st.floats())
@example(name="Si particle shell porosity", x=1.0)
@example(name="Si electrode active mass fraction", x=0.0)
def test_any_override_gives_values_or_a_one_line_error(name, x):
    """Whatever number a user sets, the cell either accepts it or says why in one line."""
    try:
        get_cell(HALF).values({name: x})
    except SibammError as err:
        assert_one_line(str(err))


# --------------------------------------------------------------------------- cycles, options, systems


@pytest.mark.parametrize("cycles", [0, -1])
def test_non_positive_cycles_api(cycles):
    assert_one_line(api_error(PROTOCOLS["cycling_1C"].cycles, cycles), str(cycles), "positive integer")
    msg = api_error(simulate, HALF, "formation", cycles=cycles, progress=False)
    assert_one_line(msg, str(cycles), "positive integer")


def test_unknown_model_option():
    msg = api_error(resolve_options, {"particle shap": "hollow sphere"})
    assert_one_line(msg, "'particle shap'", "'particle shape'")
    assert_one_line(api_error(SiliconDFN, {"bogus": 1}), "'bogus'")
    msg = api_error(simulate, HALF, "formation", options={"bogus": 1}, progress=False)
    assert_one_line(msg, "'bogus'")


@pytest.mark.parametrize(
    ("option", "value"),
    [("SEI", "reaction limited"), ("cell", "quarter"), ("particle shape", "cube"), ("Si conductivity", None)],
)
def test_unknown_model_option_value(option, value):
    msg = api_error(resolve_options, {option: value})
    allowed = SIBAMM_OPTIONS[option][1]
    assert_one_line(msg, repr(option), repr(value), *allowed)


def test_resolve_options_fills_defaults_and_keeps_valid_values():
    resolved = resolve_options({"cell": "full", "SEI": "none"})
    assert resolved["cell"] == "full" and resolved["SEI"] == "none"
    assert resolved["particle shape"] == SIBAMM_OPTIONS["particle shape"][0]
    assert set(resolved) == set(SIBAMM_OPTIONS)


def test_validate_unknown_system(tmp_path):
    out = tmp_path / "report"
    msg = api_error(validate, "no_such_system", out=out, progress=False)
    assert_one_line(msg, "'no_such_system'", "hpss", "all")
    assert not out.exists()


def test_validate_unknown_system_lists_the_systems(tmp_path):
    out = tmp_path / "report"
    msg = api_error(sibamm.validate, "halx", out=out, progress=False)
    assert_one_line(msg, "unknown system 'halx'", "hpss", "hal", "all")
    assert not out.exists()


# --------------------------------------------------------------------------- the command line

SIM = ["simulate", HALF, "formation", "--quiet"]
SMALLER = "smaller than the outer radius"

CLI_CASES = [
    (["simulate", "no_such_cell", "formation", "--quiet"], ("'no_such_cell'", HALF)),
    (["simulate", HALF, "no_such_protocol", "--quiet"], ("'no_such_protocol'", "cycling_1C")),
    (["simulate", HALF, "full_cell_0.2C", "--quiet"], ("'full_cell_0.2C'", "full cells", "half cell")),
    (["simulate", FULL, "cycling_1C", "--quiet"], ("'cycling_1C'", "half cells", "full cell")),
    ([*SIM, "--set", "Bogus parameter [m]=3"], ("'Bogus parameter [m]'", "sibamm list --parameters")),
    ([*SIM, "--set", "foo"], ("'foo'", "NAME=VALUE")),
    ([*SIM, "--set", "=3"], ("'=3'", "NAME=VALUE")),
    ([*SIM, "--set", "Si particle radius [m]=abc"], ("Si particle radius [m]", "'abc'", "not a number")),
    ([*SIM, "--set", "Si particle radius [m]="], ("Si particle radius [m]", "not a number")),
    ([*SIM, "--set", "Si particle inner radius [m]=2e-6"], ("inner radius", "2e-06", SMALLER)),
    ([*SIM, "--set", "Si particle inner radius [m]=1.6e-6"], ("inner radius", "1.6e-06", SMALLER)),
    ([*SIM, "--set", "Si mass loading [kg.m-2]=-1"], ("Si mass loading [kg.m-2]", "-1", "must be positive")),
    ([*SIM, "--set", "Si particle shell porosity=1.5"], ("Si particle shell porosity", "1.5", "[0, 1]")),
    ([*SIM, "--set", "Si particle radius [m]=nan"], ("Si particle radius [m]", "nan", "finite")),
    ([*SIM, "--set", "Si particle radius [m]=inf"], ("Si particle radius [m]", "inf", "finite")),
    (
        [*SIM, "--set", "Si particle radius [m]=2e-6", "--set", "Si particle shell porosity=-1"],
        ("Si particle shell porosity", "[0, 1]"),
    ),
    ([*SIM, "--cycles", "0"], ("--cycles", "positive integer", "0")),
    ([*SIM, "--cycles", "-3"], ("--cycles", "positive integer", "-3")),
    ([*SIM, "--cycles", "two"], ("--cycles", "'two'", "sibamm simulate --help")),
    ([*SIM, "--bogus-flag"], ("--bogus-flag",)),
    (["simulate", HALF], ("protocol",)),
    (["frobnicate"], ("'frobnicate'", "simulate")),
    (["list", "--parameters", "no_such_cell"], ("'no_such_cell'", HALF)),
]


@pytest.mark.parametrize(("argv", "fragments"), CLI_CASES, ids=lambda p: " ".join(p)[:70])
def test_cli_user_error(argv, fragments, capsys):
    assert_cli_error(argv, capsys, *fragments)


def test_cli_validate_unknown_system(tmp_path, capsys):
    out = tmp_path / "report"
    assert_cli_error(
        ["validate", "--system", "no_such_system", "--out", str(out), "--quiet"],
        capsys,
        "'no_such_system'",
        "hpss",
        "hal",
    )
    assert not out.exists()


def test_cli_simulate_out_dir_not_needed_for_errors(tmp_path, capsys):
    """A bad cell fails the same way when outputs were requested."""
    assert_cli_error(
        [
            "simulate",
            "no_such_cell",
            "formation",
            "--quiet",
            "--json",
            str(tmp_path / "r.json"),
            "--csv",
            str(tmp_path / "t.csv"),
        ],
        capsys,
        "'no_such_cell'",
    )
    assert not (tmp_path / "r.json").exists() and not (tmp_path / "t.csv").exists()


@pytest.mark.parametrize("argv", [["--bogus-flag"], []], ids=["unknown top-level flag", "no command"])
def test_cli_top_level_error_points_to_real_help(argv, capsys):
    err = assert_cli_error(argv, capsys)
    assert "sibamm sibamm" not in err, f"the --help hint names a command that does not exist: {err!r}"
    assert "sibamm --help" in err


def test_cli_boundary_porosity_is_a_user_error(capsys):
    assert_cli_error([*SIM, "--set", "Si particle shell porosity=1"], capsys, "Si particle shell porosity")


def test_cli_list_succeeds(capsys):
    """Sanity check of the harness: a good command exits 0 and writes nothing to stderr."""
    code, out, err = run_cli(["list"], capsys)
    assert code == 0 and err == ""
    assert HALF in out and "cycling_1C" in out


@pytest.mark.parametrize("bad", [0.0, -1e-3, float("nan"), "1"])
def test_dod_reference_capacity_must_be_positive(bad):
    with pytest.raises(SibammError, match="reference_capacity_ah must be a positive number"):
        sibamm.simulate("pc_sinp_half", "dod80", cycles=1, progress=False, reference_capacity_ah=bad)


def test_segment_dqdv_rejects_unknown_direction_and_missing_segment():
    import pandas as pd

    profile = pd.DataFrame({"Time [s]": range(10), "Current [A]": [1e-3] * 10, "Voltage [V]": range(10)})
    with pytest.raises(SibammError, match="direction must be"):
        sibamm.segment_dqdv(profile, "charge")
    with pytest.raises(SibammError, match="no delithiation segment"):
        sibamm.segment_dqdv(profile, "delithiation")


def test_cli_validate_summary_names_records_whose_run_failed(tmp_path, capsys, monkeypatch):
    """A calibration record without a simulated value (its run failed) is listed, not a crash."""
    import sibamm.validation

    records = [
        {
            "role": "calibration",
            "within_tolerance": False,
            "cell": "c",
            "metric": "m",
            "reported": 1.0,
            "simulated": None,
        },
        {
            "role": "calibration",
            "within_tolerance": True,
            "cell": "c",
            "metric": "n",
            "reported": 1.0,
            "simulated": 1.0,
        },
    ]
    monkeypatch.setattr(sibamm.validation, "validate", lambda *a, **k: records)
    code, out, _ = run_cli(["validate", "--system", "hal", "--out", str(tmp_path), "--quiet"], capsys)
    assert code == 0
    assert "1/2 calibration records" in out
    assert "c m: reported 1.0, simulated no value (the run failed" in out


@pytest.mark.parametrize("length, tau", [(0.0, 900.0), (-1e-6, 900.0), (1e-6, 0.0)])
def test_weppner_huggins_limit_rejects_non_positive_inputs(length, tau):
    from sibamm.analysis import weppner_huggins_limit

    with pytest.raises(SibammError, match="must be positive"):
        weppner_huggins_limit(length, tau)
