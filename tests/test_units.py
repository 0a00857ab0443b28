"""Unit tests: naming, provenance, parameter sets, Si OCP branches, dQ/dV, protocols, metrics."""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pybamm
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sibamm import SibammError
from sibamm.analysis import dqdv, dqdv_peaks
from sibamm.experiments import PROTOCOLS, Block
from sibamm.metrics import MOL_TO_MAH, cycle_row, finalize_table
from sibamm.naming import FULL, HALF, si_aliases, to_pybamm, to_sibamm
from sibamm.parameters import CELLS, Value, get_cell
from sibamm.parameters.materials import amorphous_silicon
from sibamm.parameters.provenance import KINDS
from sibamm.parameters.si_ocp import branch_value

# --------------------------------------------------------------------------- naming

NAMES = [
    # (sibamm name, cell type, PyBaMM name)
    ("Si particle radius [m]", HALF, "Positive particle radius [m]"),
    ("Si particle radius [m]", FULL, "Negative particle radius [m]"),
    ("Si particle inner radius [m]", HALF, "Positive particle inner radius [m]"),
    (
        "Maximum concentration in Si electrode [mol.m-3]",
        HALF,
        "Maximum concentration in positive electrode [mol.m-3]",
    ),
    (
        "Maximum concentration in Si electrode [mol.m-3]",
        FULL,
        "Maximum concentration in negative electrode [mol.m-3]",
    ),
    ("Counter electrode thickness [m]", HALF, "Negative electrode thickness [m]"),
    ("Counter electrode OCP [V]", HALF, "Negative electrode OCP [V]"),
    ("Si electrode OCP [V]", HALF, "Positive electrode OCP [V]"),
    ("Si electrode OCP [V]", FULL, "Negative electrode OCP [V]"),
    ("Si current collector thickness [m]", FULL, "Negative current collector thickness [m]"),
    ("Loss of lithium to Si SEI [mol]", HALF, "Loss of lithium to positive SEI [mol]"),
    ("X-averaged Si particle outer radius [m]", HALF, "X-averaged positive particle outer radius [m]"),
    (
        "Si electrode crystalline Si front stoichiometry",
        HALF,
        "Positive electrode crystalline Si front stoichiometry",
    ),
    # names that are not Si-electrode slots are left alone
    ("Positive electrode thickness [m]", FULL, "Positive electrode thickness [m]"),
    ("Si mass loading [kg.m-2]", HALF, "Si mass loading [kg.m-2]"),
    ("Separator porosity", HALF, "Separator porosity"),
    ("Voltage [V]", FULL, "Voltage [V]"),
]


@pytest.mark.parametrize(("sibamm_name", "cell_type", "pybamm_name"), NAMES)
def test_naming_both_ways(sibamm_name, cell_type, pybamm_name):
    assert to_pybamm(sibamm_name, cell_type) == pybamm_name
    assert to_sibamm(pybamm_name, cell_type) == sibamm_name


def test_counter_electrode_is_only_the_negative_slot_of_half_cells():
    assert to_sibamm("Negative electrode porosity", HALF) == "Counter electrode porosity"
    assert to_sibamm("Negative electrode porosity", FULL) == "Si electrode porosity"
    assert to_sibamm("Positive electrode porosity", HALF) == "Si electrode porosity"


_SI_SLOT = re.compile(r"(^| )Si (electrode|particle|current collector|SEI)\b")


@pytest.mark.parametrize("cell_name", sorted(CELLS))
def test_every_shipped_name_maps_to_a_distinct_slot_name_and_back(cell_name):
    cell = get_cell(cell_name)
    names = list(cell.values())
    mapped = [to_pybamm(n, cell.cell_type) for n in names]
    assert len(set(mapped)) == len(names), "two sibamm names land in the same PyBaMM slot"
    for name, slot_name in zip(names, mapped):
        assert not _SI_SLOT.search(slot_name), slot_name
        assert not slot_name.startswith("Counter electrode"), slot_name
        assert to_sibamm(slot_name, cell.cell_type) == name


_WORDS = st.sampled_from(
    [
        "Maximum",
        "concentration",
        "in",
        "X-averaged",
        "Average",
        "outer",
        "inner",
        "radius",
        "[m]",
        "thickness",
        "OCP",
        "[V]",
        "lithiation",
        "crystalline",
        "Si",
        "fraction",
        "of",
        "Total",
        "lithium",
        "change",
        "[%]",
        "surface",
        "area",
        "to",
        "Loss",
    ]
)
_NOUNS = st.sampled_from(["electrode", "particle", "current collector", "SEI"])


@settings(max_examples=300, deadline=None, database=None)
@given(
    pre=st.lists(_WORDS, max_size=4),
    noun=_NOUNS,
    post=st.lists(_WORDS, max_size=4),
    cell_type=st.sampled_from([HALF, FULL]),
)
def test_naming_round_trip_property(pre, noun, post, cell_type):
    name = " ".join([*pre, "Si", noun, *post])
    slot_name = to_pybamm(name, cell_type)
    assert to_sibamm(slot_name, cell_type) == name
    assert not _SI_SLOT.search(slot_name)
    slot = "Positive" if cell_type == HALF else "Negative"
    assert slot in slot_name or slot.lower() in slot_name
    other = "Negative" if cell_type == HALF else "Positive"
    assert other not in slot_name and other.lower() not in slot_name


def test_si_aliases_publish_si_names_for_the_slot():
    variables = {
        "X-averaged positive particle outer radius [m]": 1,
        "Voltage [V]": 2,
        "Negative electrode potential [V]": 3,
    }
    aliases = si_aliases(variables, HALF)
    assert aliases == {"X-averaged Si particle outer radius [m]": 1, "Counter electrode potential [V]": 3}
    aliases = si_aliases({"Negative particle radius [m]": 4, "Positive particle radius [m]": 5}, FULL)
    assert aliases == {"Si particle radius [m]": 4}


# --------------------------------------------------------------------------- provenance and sets


@pytest.mark.parametrize("cell_name", sorted(CELLS))
def test_every_value_has_provenance(cell_name):
    values = CELLS[cell_name].values()
    assert len(values) > 50
    for name, v in values.items():
        assert isinstance(v, Value), name
        assert v.kind in KINDS, (name, v.kind)
        assert isinstance(v.source, str) and v.source.strip(), f"{name} has no source"
        assert v.describe().startswith(f"{v.kind}: ")


def test_provenance_kind_is_checked():
    with pytest.raises(ValueError, match="guessed"):
        Value(1.0, "guessed", "a hunch")


def test_overrides_are_recorded_as_user_values():
    values = get_cell("hpss_c_half").values({"Si particle radius [m]": 2e-6})
    v = values["Si particle radius [m]"]
    assert (v.value, v.kind, v.source) == (2e-6, "assumed", "set by the user")


def test_derived_values_follow_an_override():
    cell = get_cell("hpss_c_half")
    base, thicker = cell.values(), cell.values({"Si electrode thickness [m]": 70e-6})
    ratio = (
        thicker["Si electrode active material volume fraction"].value
        / base["Si electrode active material volume fraction"].value
    )
    assert ratio == pytest.approx(0.5)
    assert thicker["Si electrode porosity"].value > base["Si electrode porosity"].value


@pytest.mark.parametrize(
    ("set_name", "slot_name"),
    [
        ("sibamm_hpss_c_half", "Positive particle inner radius [m]"),
        ("sibamm_hpss_half", "Positive particle inner radius [m]"),
        ("sibamm_hpss_c_lco_full", "Negative particle inner radius [m]"),
        ("sibamm_qms07_half", "Positive particle inner radius [m]"),
        ("sibamm_qms07_lco_full", "Negative particle inner radius [m]"),
    ],
)
def test_pybamm_parameter_set_entry_points(set_name, slot_name):
    assert set_name in pybamm.parameter_sets
    pv = pybamm.ParameterValues(set_name)
    cell = get_cell(set_name.removeprefix("sibamm_"))
    assert pv[slot_name] == cell.values()["Si particle inner radius [m]"].value
    assert pv[slot_name] < pv[slot_name.replace("inner ", "")]
    assert not any(_SI_SLOT.search(k) for k in pv.keys())


def test_every_shipped_cell_is_a_pybamm_parameter_set():
    from sibamm.parameters.cells import CELLS

    missing = [name for name in CELLS if f"sibamm_{name}" not in pybamm.parameter_sets]
    assert not missing, f"add entry points in pyproject.toml and parameters/sets.py for {missing}"


def test_half_cell_set_puts_si_in_the_positive_slot():
    pv = pybamm.ParameterValues("sibamm_hpss_c_half")
    si = get_cell("hpss_c_half").values()
    assert pv["Positive electrode thickness [m]"] == si["Si electrode thickness [m]"].value
    assert pv["Negative electrode thickness [m]"] == si["Counter electrode thickness [m]"].value


# --------------------------------------------------------------------------- Si OCP branches

STO = np.linspace(0.05, 0.95, 181)


@pytest.fixture(scope="module")
def branches():
    material = amorphous_silicon()
    return (
        material["Si electrode lithiation OCP [V]"].value,
        material["Si electrode delithiation OCP [V]"].value,
    )


def _msmr_sto(galleries, u):
    """x(U) of the MSMR galleries, normalised to 1: the relation each branch inverts."""
    total = sum(X for _, X, _ in galleries)
    return sum(X / (1 + np.exp((u - U_j) / w)) for U_j, X, w in galleries) / total


def test_ocp_branches_decrease_with_stoichiometry(branches):
    sto = np.linspace(0.002, 0.998, 500)
    for branch in branches:
        u = branch_value(branch, sto)
        assert np.all(np.diff(u) < 0)
        # what the model evaluates (pchip interpolant) is monotonic as well
        u_model = branch(pybamm.Vector(sto)).evaluate().ravel()
        assert np.all(np.diff(u_model) < 0)
        # both invert the MSMR relation x(U)
        assert np.allclose(_msmr_sto(branch.galleries, u), sto, atol=2e-3)
        assert np.allclose(_msmr_sto(branch.galleries, u_model), sto, atol=1e-3)
        inner = (sto > 0.01) & (sto < 0.99)
        assert np.allclose(u_model[inner], u[inner], atol=5e-3)


def test_delithiation_branch_lies_above_lithiation_branch(branches):
    lith, delith = branches
    gap = branch_value(delith, STO) - branch_value(lith, STO)
    assert np.all(gap > 0)
    assert gap.min() > 0.02  # a real hysteresis, not round-off


def test_ocp_average_lies_between_branches(branches):
    lith, delith = branches
    average = amorphous_silicon()["Si electrode OCP [V]"].value
    u = average(pybamm.Vector(STO)).evaluate().ravel()
    assert np.all(u < branch_value(delith, STO) + 1e-3)
    assert np.all(u > branch_value(lith, STO) - 1e-3)


def _branch_peaks(branch):
    sto = np.linspace(0.0005, 0.9995, 2000)
    v, dq = dqdv(sto, branch_value(branch, sto))
    return dqdv_peaks(v, dq)


def _assert_peaks_near(peaks, expected, tol=0.03):
    for target in expected:
        assert np.any(np.abs(peaks - target) <= tol), f"no dQ/dV peak within {tol} V of {target} V: {peaks}"


def test_lithiation_branch_dqdv_peaks(branches):
    _assert_peaks_near(_branch_peaks(branches[0]), (0.26, 0.12))


def test_delithiation_branch_dqdv_peaks(branches):
    peaks = _branch_peaks(branches[1])
    _assert_peaks_near(peaks, (0.30, 0.54))
    # the delithiation processes sit above the lithiation ones
    assert not np.any(np.abs(peaks - 0.12) <= 0.02)


# --------------------------------------------------------------------------- dQ/dV on synthetic data


def _two_plateaus(v):
    """Capacity of a lithiation with plateaus at 0.45 V (40%) and 0.2 V (60%)."""
    return 0.4 / (1 + np.exp((v - 0.45) / 0.012)) + 0.6 / (1 + np.exp((v - 0.2) / 0.01))


def test_dqdv_recovers_plateau_voltages():
    rng = np.random.default_rng(0)
    # uneven steps, in time order (voltage falling), as a solver returns them
    v = np.sort(rng.uniform(0.0, 0.8, 600))[::-1]
    q = _two_plateaus(v)
    grid, dq = dqdv(q, v)
    assert np.all(np.diff(grid) > 0) and np.all(dq >= 0)
    peaks = dqdv_peaks(grid, dq)
    assert len(peaks) == 2
    assert np.allclose(np.sort(peaks), [0.2, 0.45], atol=0.01)
    # the area under dQ/dV is the capacity of the segment
    assert np.trapezoid(dq, grid) == pytest.approx(q.max() - q.min(), rel=0.02)


def test_dqdv_peak_heights_reflect_plateau_capacity():
    v = np.linspace(0.0, 0.8, 800)
    grid, dq = dqdv(_two_plateaus(v) * 3.0, v)  # capacity unit does not matter for positions
    big = dq[np.argmin(np.abs(grid - 0.2))]
    small = dq[np.argmin(np.abs(grid - 0.45))]
    assert big > small  # 60% / (4 x 0.01) vs 40% / (4 x 0.012)
    assert np.allclose(np.sort(dqdv_peaks(grid, dq)), [0.2, 0.45], atol=0.01)


def test_dqdv_rejects_bad_input():
    with pytest.raises(SibammError):
        dqdv([0, 1, 2], [0.1, 0.2, 0.3])
    with pytest.raises(SibammError):
        dqdv(np.arange(10.0), np.arange(9.0))
    with pytest.raises(SibammError):
        dqdv(np.arange(10.0), np.linspace(0.1, 0.101, 10))
    assert dqdv_peaks(np.arange(5.0), np.zeros(5)).size == 0


# --------------------------------------------------------------------------- protocols


@pytest.mark.parametrize(
    ("name", "n"),
    [
        ("cycling_1C", 800),
        ("rate_test", 19),
        ("full_cell_0.2C", 101),
        ("formation", 1),
        ("qms_cycling_0.5C", 501),
        ("qms_rate_test", 7),
        ("qms_gitt", 13),
        ("qms_full_cell_1C", 201),
    ],
)
def test_protocols_unroll_to_their_cycle_count(name, n):
    protocol = PROTOCOLS[name]
    assert protocol.n_cycles == n
    blocks = protocol.cycles()
    assert len(blocks) == n
    assert all(isinstance(b, Block) for b in blocks)
    assert len(protocol.cycles(3)) == min(3, n)
    assert len(protocol.cycles(n + 50)) == n
    assert protocol.cycles(1)[0] is blocks[0]


def test_cycling_1c_is_formation_then_1c():
    blocks = PROTOCOLS["cycling_1C"].cycles(5)
    assert [b.c_rate for b in blocks] == [0.1, 1.0, 1.0, 1.0, 1.0]
    assert blocks[0].label.startswith("formation")


def test_rate_test_sequence():
    rates = [b.c_rate for b in PROTOCOLS["rate_test"].cycles()]
    assert rates == [0.1] + [r for r in (0.2, 0.5, 1, 2, 5, 0.2) for _ in range(3)]
    assert [b.c_rate for b in PROTOCOLS["rate_test"].cycles(6)] == [0.1, 0.2, 0.2, 0.2, 0.5, 0.5]


def test_every_block_builds_a_pybamm_experiment():
    for protocol in PROTOCOLS.values():
        for block in {b.label: b for b in protocol.blocks}.values():
            experiment = block.experiment()
            assert len(experiment.steps) == len(block.steps)


def test_half_cell_protocols_lithiate_first():
    """The first current step lithiates the Si (an opening rest, e.g. impedance growth at OCV, is allowed)."""
    for protocol in PROTOCOLS.values():
        steps = [s for b in protocol.blocks for s in b.steps]
        current = [s for s in steps if not (isinstance(s, str) and s.startswith("Rest"))]
        if not current:  # a pure open-circuit protocol (HAL: interphase growth at rest)
            continue
        first = current[0]
        if not isinstance(first, str):  # a pybamm step object (DOD-controlled lithiation)
            first = "Discharge" if first.value > 0 else "Charge"
        assert first.startswith("Discharge" if protocol.cell_types == ("half",) else "Charge"), protocol.name


# --------------------------------------------------------------------------- per-cycle metrics


class FakeCycle:
    """The part of a PyBaMM cycle solution that ``cycle_row`` reads: ``cycle[name].entries``."""

    def __init__(self, data: dict, n: int):
        self.data, self.n = data, n

    def __getitem__(self, name):
        if name not in self.data and ("Li2S" in name or "AlCl3" in name):
            raise KeyError(name)  # like PyBaMM: a cell without S (or AlCl3) has no such variable
        return SimpleNamespace(entries=np.asarray(self.data.get(name, np.ones(self.n)), dtype=float))


def _fake_cycle(cell_type, lith_mAh, delith_mAh):
    sign = 1 if cell_type == HALF else -1  # lithiation = half-cell discharge = full-cell charge
    qd = sign * np.array([0, lith_mAh / 2, lith_mAh, lith_mAh - delith_mAh / 2, lith_mAh - delith_mAh])
    qt = np.array([0, lith_mAh / 2, lith_mAh, lith_mAh + delith_mAh / 2, lith_mAh + delith_mAh])
    s = "positive" if cell_type == HALF else "negative"
    data = {
        "Discharge capacity [A.h]": qd / 1000,
        "Throughput capacity [A.h]": qt / 1000,
        "X-averaged Si particle outer diameter change [%]": [0, 4, 9, 6, 3],
        "X-averaged Si particle shell thickness change [%]": [0, 10, 22, 19, 17],
        "Si electrode thickness change [%]": [0, 5, 12, 8, 4],
        "X-averaged Si electrode active material volume fraction": [0.2, 0.2, 0.2, 0.19, 0.19],
        f"Total lithium in {s} electrode [mol]": [1e-6, 2e-5, 4e-5, 2e-5, 3e-6],
        f"Loss of lithium to {s} SEI [mol]": [0, 1e-6, 2e-6, 2e-6, 2e-6],
        f"Loss of lithium due to loss of active material in {s} electrode [mol]": [0, 0, 0, 1e-7, 2e-7],
        "Total lithium in electrolyte [mol]": [5e-5] * 5,
        "Total lithium in positive electrode [mol]" if cell_type == FULL else "unused": [1e-4] * 5,
        "Loss of lithium due to loss of active material in positive electrode [mol]"
        if cell_type == FULL
        else "unused too": [0, 0, 1e-8, 2e-8, 3e-8],
    }
    return FakeCycle(data, 5)


@pytest.mark.parametrize("cell_type", [HALF, FULL])
def test_cycle_row_capacities_and_ce(cell_type):
    mass_g, area = 1.5e-3, 1.131
    row = cycle_row(_fake_cycle(cell_type, 5.0, 4.5), 1, "formation", 0.1, cell_type, mass_g, area)
    assert row["lithiation capacity [mAh/g]"] == pytest.approx(5.0 / mass_g)
    assert row["delithiation capacity [mAh/g]"] == pytest.approx(4.5 / mass_g)
    assert row["lithiation capacity [mAh/cm2]"] == pytest.approx(5.0 / area)
    assert row["CE [%]"] == pytest.approx(90.0)
    assert row["outer diameter change, lithiated [%]"] == 9
    assert row["shell thickness change, end of cycle [%]"] == 17
    assert row["active Si remaining [%]"] == pytest.approx(95.0)
    li_si, sei, dead = 3e-6 * MOL_TO_MAH, 2e-6 * MOL_TO_MAH, 2e-7 * MOL_TO_MAH
    if cell_type == HALF:
        net = 0.5  # mAh left the Li counter electrode over the cycle
        assert row["net Li from counter electrode [mAh]"] == pytest.approx(net)
        assert row["total Li [mAh]"] == pytest.approx(li_si + sei + dead - net)
    else:
        lost_ncm = 3e-8 * MOL_TO_MAH  # Li of the positive particles that lost contact
        assert row["Li in lost positive active material [mAh]"] == pytest.approx(lost_ncm)
        assert row["total Li [mAh]"] == pytest.approx(li_si + sei + dead + 1e-4 * MOL_TO_MAH + lost_ncm)
        assert row["active positive material remaining [%]"] == pytest.approx(100.0)
    assert "Li in electrolyte [mAh]" in row


def test_cycle_row_counts_li2s_as_its_own_inventory_line():
    cycle = _fake_cycle(HALF, 5.0, 4.5)
    without = cycle_row(cycle, 1, "formation", 0.05, HALF, 1.5e-3, 1.131)
    assert "Li2S (trapped by S) [mAh]" not in without
    cycle.data["Loss of lithium to positive Li2S [mol]"] = [0, 1e-8, 2e-8, 2e-8, 2e-8]
    row = cycle_row(cycle, 1, "formation", 0.05, HALF, 1.5e-3, 1.131)
    assert row["Li2S (trapped by S) [mAh]"] == pytest.approx(2e-8 * MOL_TO_MAH)
    assert row["total Li [mAh]"] == pytest.approx(without["total Li [mAh]"] + 2e-8 * MOL_TO_MAH)


def test_cycle_row_ce_undefined_without_lithiation():
    row = cycle_row(_fake_cycle(HALF, 0.0, 0.0), 1, "x", 1.0, HALF, 1e-3, 1.0)
    assert math.isnan(row["CE [%]"])


def _rows(ce, delith, lith=None, total=None):
    n = len(ce)
    lith = lith or [2000.0] * n
    total = total or [1.0] * n
    return [
        {
            "cycle": i + 1,
            "CE [%]": ce[i],
            "delithiation capacity [mAh/g]": delith[i],
            "lithiation capacity [mAh/g]": lith[i],
            "total Li [mAh]": total[i],
        }
        for i in range(n)
    ]


def test_finalize_table_cumulative_ce_retention_and_li_balance():
    ce = [90.0, 99.0, math.nan, 98.0]
    rows = _rows(ce, [1800.0, 1700.0, 1650.0, 1600.0], total=[2.0, 2.0, 1.99, 1.97])
    table = finalize_table(rows, si_mass_g=1e-3, reference_cycle=2)
    assert isinstance(table, pd.DataFrame) and len(table) == 4
    # a cycle without a defined CE leaves the cumulative CE unchanged
    expected = 100 * np.cumprod([0.90, 0.99, 1.0, 0.98])
    assert np.allclose(table["cumulative CE [%]"], expected)
    assert table["CE [%]"].iloc[0] == 90.0  # per-cycle CE is kept as given
    assert np.allclose(table["retention [%]"], 100 * np.array([1800, 1700, 1650, 1600]) / 1700)
    assert np.allclose(table["Li balance relative error"], (np.array([2.0, 2.0, 1.99, 1.97]) - 2.0) / 2.0)


def test_finalize_table_active_material_is_the_share_left_since_the_start():
    rows = _rows([99.0, 99.0, 99.0], [1000.0] * 3)
    for row, si, pos in zip(rows, (95.0, 90.0, 100.0), (99.0, 99.0, 98.0)):
        row["active Si remaining [%]"], row["active positive material remaining [%]"] = si, pos
    table = finalize_table(rows, 1e-3)
    # each row is end/start of its own cycle; the table chains them
    assert np.allclose(table["active Si remaining [%]"], [95.0, 85.5, 85.5])
    assert np.allclose(table["active positive material remaining [%]"], [99.0, 98.01, 96.0498])


def test_finalize_table_reference_cycle_is_clamped_and_empty_rows_give_empty_table():
    table = finalize_table(_rows([95.0], [1900.0]), 1e-3, reference_cycle=2)
    assert table["retention [%]"].iloc[0] == pytest.approx(100.0)
    assert table["cumulative CE [%]"].iloc[0] == pytest.approx(95.0)
    assert finalize_table([], 1e-3).empty


def test_retention_is_undefined_without_warning_when_the_reference_cycle_delivered_nothing():
    """A lithiation-only run (the HAL GITT) delivers no delithiation capacity: retention is NaN, quietly."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = finalize_table(_rows([0.0, 0.0], [0.0, 0.0]), 1e-3)
    assert table["retention [%]"].isna().all()


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.floats(min_value=50, max_value=100), min_size=1, max_size=30))
def test_cumulative_ce_is_the_running_product(ce):
    table = finalize_table(_rows(ce, [1000.0] * len(ce)), 1e-3)
    cum = table["cumulative CE [%]"].to_numpy()
    assert cum[0] == pytest.approx(ce[0])
    assert np.all(np.diff(cum) <= 1e-9)  # never rises when every CE is at most 100 %
    assert cum[-1] == pytest.approx(100 * math.prod(c / 100 for c in ce), rel=1e-9)


def test_report_writes_short_tables_inline_and_long_ones_as_linked_csv(tmp_path):
    """A system's tables reach the report: a short one as a Markdown table (a "|" in a cell escaped, so the
    columns stay aligned), a long one as a CSV next to the report, linked with its row count."""
    from sibamm.validation.report import INLINE_TABLE_ROWS, write_report

    short = pd.DataFrame({"state": ["lithiated"], "R_s + R_ct||CPE [Ohm]": [13.0864]})
    long = pd.DataFrame({"cycle": range(1, INLINE_TABLE_ROWS + 3), "CE [%]": 99.9})
    write_report(tmp_path / "REPORT.md", {"hal": ([], [], [], {"short": short, "long": long})})
    text = (tmp_path / "REPORT.md").read_text()
    assert "| state | R_s + R_ct\\|\\|CPE [Ohm] |" in text
    assert "| lithiated | 13.09 |" in text
    assert f"**long**: [hal_table_2.csv](hal_table_2.csv) ({INLINE_TABLE_ROWS + 2} rows)" in text
    assert len(pd.read_csv(tmp_path / "hal_table_2.csv")) == INLINE_TABLE_ROWS + 2
