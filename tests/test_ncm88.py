"""NCM88 cathode: lithiated-end diffusivity collapse and the kinetic first-cycle loss (HAL full cells)."""

import warnings

import numpy as np
import pybamm
import pytest

from sibamm.errors import SibammError
from sibamm.models import SiliconDFN
from sibamm.parameters import components as comp
from sibamm.parameters.cells import get_cell
from sibamm.simulation import simulate

PRE = ("hal_alcl3_ncm88_prelithiated_full", "hal_full_prelithiated")
D_NAME = "Positive particle diffusivity [m2.s-1]"
D_CHEN = pybamm.ParameterValues("Chen2020")[D_NAME]


def _diffusivity(sto, overrides=None):
    pv = get_cell(PRE[0]).parameter_values(overrides)
    sym = pv[D_NAME](pybamm.Vector(np.asarray(sto, dtype=float)), pybamm.Scalar(298.15))
    return np.ravel(pv.process_symbol(sym).evaluate())


def _first_cycle(cell, protocol, overrides=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = simulate(cell, protocol, overrides=overrides, progress=False)
    assert res.completed, res.message
    values = get_cell(cell).values(overrides)
    ncm_g = values["NCM88 mass loading [kg.m-2]"].value * comp.HAL_AREA * 1000
    return res, values, res.parameters["Si mass [g]"] / ncm_g


def test_diffusivity_monotonic_and_chen_away_from_lithiated_end():
    sto = np.linspace(0.05, 1.0, 400)
    d = _diffusivity(sto)
    values = get_cell(PRE[0]).values()
    onset = values[comp.NCM_D_ONSET].value
    width = values[comp.NCM_D_WIDTH].value
    decades = values[comp.NCM_D_DECADES].value
    assert np.all(np.diff(d) <= 0)  # never rises towards full lithiation
    assert np.all(np.diff(d[sto > onset - 5 * width]) < 0)  # and strictly falls where it collapses
    far = sto < onset - 10 * width
    np.testing.assert_allclose(d[far], D_CHEN, rtol=1e-3)
    # the full drop at the lithiated end, half of it (in log) at the onset
    assert d[-1] == pytest.approx(D_CHEN * 10**-decades, rel=0.05)
    assert _diffusivity([onset])[0] == pytest.approx(D_CHEN * 10 ** (-decades / 2), rel=1e-6)
    # no collapse at depth 0: Chen2020's constant value everywhere
    np.testing.assert_allclose(_diffusivity(sto, {comp.NCM_D_DECADES: 0.0}), D_CHEN, rtol=1e-12)


def test_ncm88_provenance():
    values = get_cell(PRE[0]).values()
    assert values["NCM88 initial stoichiometry"].kind == "fitted"
    assert values[comp.NCM_D_ONSET].kind == "fitted"
    assert "2026-11-21" in values[comp.NCM_D_ONSET].source
    assert "Kasnatscheew" in values[D_NAME].source
    assert values[comp.NCM_D_DECADES].kind in ("literature", "assumed")


def test_prelithiated_ice_falls_with_collapse_depth():
    """The NCM88's diffusivity collapse sets the pre-lithiated cell's ICE: without it the NCM88 refills and
    only the Si's loss beyond its 6% pre-lithiation is left (90.7% with the 400 MPa face and its cracked SA
    layer, 92.5% with the face alone, 96.4% before either); the shipped 2 decades take 4 pp off that."""
    ices = []
    for decades in (0.0, 1.5, 2.0, 3.0):
        res, _, _ = _first_cycle(*PRE, {comp.NCM_D_DECADES: decades})
        ices.append(float(res.table["CE [%]"].iloc[0]))
    assert np.all(np.diff(ices) < 0), ices
    assert ices[0] - ices[2] > 3.0, ices


def test_prelithiated_first_cycle_matches_hal_and_conserves_lithium():
    res, values, per_g = _first_cycle(*PRE)
    row = res.table.iloc[0]
    charge = row["lithiation capacity [mAh/g]"] * per_g
    discharge = row["delithiation capacity [mAh/g]"] * per_g
    assert charge == pytest.approx(230.8, rel=0.03)
    assert discharge == pytest.approx(199.9, rel=0.03)
    assert row["CE [%]"] == pytest.approx(86.6, abs=1.0)
    # the NCM loss is Li left in the NCM88: its content at the end = initial - (charge - discharge)
    ncm_g = values["NCM88 mass loading [kg.m-2]"].value * comp.HAL_AREA * 1000
    initial_ncm = _li_mah(
        values, "Initial concentration in positive electrode [mol.m-3]", "Positive electrode"
    )
    assert row["Li in positive electrode [mAh]"] == pytest.approx(
        initial_ncm - (charge - discharge) * ncm_g, rel=2e-3
    )
    # the cell's Li (NCM88 + pre-lithiated Si) is conserved: where it sits at the end of the cycle
    initial_si = _li_mah(values, "Initial concentration in Si electrode [mol.m-3]", "Si electrode")
    end = (
        row["Li in active Si [mAh]"]
        + row["C-Li (SEI) [mAh]"]
        + row["K-Li (disconnected Si) [mAh]"]
        + row["AlCl3 and native SiO2 conversion [mAh]"]
        + row["Li in positive electrode [mAh]"]
    )
    assert end == pytest.approx(initial_ncm + initial_si, rel=2e-3)


def _li_mah(values, concentration, electrode):
    """Initial Li of an electrode [mAh] from its parameters."""
    return (
        values[concentration].value
        * values[f"{electrode} active material volume fraction"].value
        * values[f"{electrode} thickness [m]"].value
        * comp.HAL_AREA
        * 96485.33212
        / 3.6
    )


def test_prelithiated_si_starts_amorphised_and_never_below_li_metal():
    """The pre-lithiated Li sits in a-LixSi at the c-Si front composition: that much c-Si is amorphised
    before assembly, so the amorphous host is not over-filled and the Si stays above 0 V vs Li."""
    values = get_cell(PRE[0]).values()
    sto0 = (
        values["Initial concentration in Si electrode [mol.m-3]"].value
        / values["Maximum concentration in Si electrode [mol.m-3]"].value
    )
    xi0 = values["Si electrode initial crystalline Si fraction"].value
    sto_front = values["Si electrode crystalline Si front stoichiometry"].value
    assert sto0 / (1 - xi0) == pytest.approx(sto_front, rel=1e-9)
    assert (
        get_cell("hal_alcl3_ncm88_full").values()["Si electrode initial crystalline Si fraction"].value
        == 0.97
    )
    res, _, _ = _first_cycle(*PRE)
    assert res.table.iloc[0]["minimum Si surface potential vs Li at the separator [V]"] > 0.0


def test_full_cell_ice_comes_from_the_ncm88_and_bare_si_loses_more():
    """Both Si@AlCl3 and uSi full cells lose at least the NCM88's own first-cycle Li (the pre-lithiated
    cell's), and bare uSi, whose lithiated surface keeps reducing LPSC, loses more (HAL: 85.6 vs 79.2%)."""
    pre, _, _ = _first_cycle(*PRE)
    ice_pre = float(pre.table["CE [%]"].iloc[0])
    ice = {}
    for cell in ("hal_alcl3_ncm88_full", "hal_si_ncm88_full"):
        res, _, _ = _first_cycle(cell, "hal_full_first_cycle")
        ice[cell] = float(res.table["CE [%]"].iloc[0])
        assert ice[cell] < ice_pre + 0.5
    assert ice["hal_si_ncm88_full"] < ice["hal_alcl3_ncm88_full"] - 2.0


FULL = ("hal_alcl3_ncm88_full", "hal_full_first_cycle")
LAM_OPTION = "positive electrode loss of active material"


def test_contact_loss_reduces_to_no_lam_and_follows_the_charge_passed():
    """lambda = 0 is the cell without the option; with lambda > 0 the NCM lost is lambda x the Li cycled
    through it (in units of the electrode's c_max), and the Li of the lost particles stays in the count."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        off = simulate(*FULL, options={LAM_OPTION: "none"}, progress=False).table.iloc[0]
        zero = simulate(*FULL, overrides={comp.NCM_CONTACT_LOSS: 0.0}, progress=False).table.iloc[0]
        lam = 0.02
        lossy = simulate(*FULL, overrides={comp.NCM_CONTACT_LOSS: lam}, progress=False).table.iloc[0]
    for name in ("lithiation capacity [mAh/cm2]", "delithiation capacity [mAh/cm2]", "C-Li (SEI) [mAh]"):
        assert zero[name] == pytest.approx(off[name], rel=1e-6), name
    assert zero["active positive material remaining [%]"] == pytest.approx(100.0, abs=1e-6)
    assert off["Li in lost positive active material [mAh]"] == 0.0
    values = get_cell(FULL[0]).values()
    v = {k: values[k].value for k in values}
    ncm_mah = (  # the electrode's c_max over its whole volume, in mAh
        v["Maximum concentration in positive electrode [mol.m-3]"] * v["Positive electrode thickness [m]"]
        * comp.HAL_AREA * 96485.33212 / 3.6
    )  # fmt: skip
    cycled = (
        (lossy["lithiation capacity [mAh/cm2]"] + lossy["delithiation capacity [mAh/cm2]"])
        * 1e4
        * comp.HAL_AREA
    )
    lost = lam * cycled / ncm_mah / v["Positive electrode active material volume fraction"]
    assert 100 - lossy["active positive material remaining [%]"] == pytest.approx(100 * lost, rel=5e-3)
    assert lossy["delithiation capacity [mAh/cm2]"] < zero["delithiation capacity [mAh/cm2]"]
    assert lossy["Li in lost positive active material [mAh]"] > 0
    assert abs(lossy["Li balance relative error"]) < 1e-6  # the lost particles' Li is counted


def test_contact_loss_needs_a_full_cell_and_a_non_negative_coefficient():
    with pytest.raises(SibammError) as err:
        SiliconDFN({"cell": "half", LAM_OPTION: "current-driven"})
    assert "full cell" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(SibammError) as err:
        get_cell(FULL[0]).values({comp.NCM_CONTACT_LOSS: -1e-3})
    assert comp.NCM_CONTACT_LOSS in str(err.value) and "not be negative" in str(err.value)
