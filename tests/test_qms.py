"""QMS (S-doped quasi-metallic Si): the doping laws and the Li2S reaction keep their promises."""

import numpy as np
import pybamm
import pytest

from sibamm import simulate
from sibamm.metrics import MOL_TO_MAH
from sibamm.models.submodels.doping import sulfur_doping as sd
from sibamm.parameters import get_cell
from sibamm.parameters.materials import qms

ZERO_S = {"Si electrode sulfur content [at%]": 0.0}


def _law(values):
    v = {k: x.value for k, x in values.items()}
    return lambda x: sd.pellet_conductivity(
        x,
        v["Si electrode undoped Si conductivity [S.m-1]"],
        v["Si electrode S metallic conductivity prefactor [S.m-1]"],
        v["Si electrode S impurity band critical content [at%]"],
        v["Si electrode S impurity band transition width [at%]"],
    )


def test_zero_sulfur_gives_the_undoped_parameters_exactly():
    doped = get_cell("qms07_half").values(ZERO_S)
    undoped = get_cell("qms_si_half").values()
    for name in (
        "Si electrode Si pellet conductivity [S.m-1]",
        "Si electrode Si phase conductivity when delithiated [S.m-1]",
        "Si electrode Li2S lithium content [mol.m-3]",
        "Si particle channel enhancement at low Li content",
    ):
        assert doped[name].value == undoped[name].value, name
    assert undoped["Si electrode Si pellet conductivity [S.m-1]"].value == 1e-3
    assert undoped["Si electrode Li2S lithium content [mol.m-3]"].value == 0.0
    sto = pybamm.Scalar(0.05)
    for T in (263.15, 298.15, 333.15):
        d0 = doped["Si particle diffusivity [m2.s-1]"].value(sto, pybamm.Scalar(T)).evaluate()
        d1 = undoped["Si particle diffusivity [m2.s-1]"].value(sto, pybamm.Scalar(T)).evaluate()
        assert d0 == d1


def test_zero_sulfur_simulates_like_undoped_si():
    """The Li2S reaction and channel law with no S are the undoped cell (which runs without them)."""
    doped = simulate("qms07_half", "qms_formation", overrides=ZERO_S, progress=False).table.iloc[0]
    undoped = simulate("qms_si_half", "qms_formation", progress=False).table.iloc[0]
    for col in ("lithiation capacity [mAh/g]", "delithiation capacity [mAh/g]", "C-Li (SEI) [mAh]"):
        assert doped[col] == pytest.approx(undoped[col], rel=1e-5), col
    assert doped["Li2S (trapped by S) [mAh]"] == 0.0


def test_conductivity_rises_monotonically_and_crosses_over_at_the_transition():
    values = qms(0.7)
    law = _law(values)
    x = np.linspace(0, 2, 2001)
    sigma = law(x)
    assert np.all(np.diff(sigma) > 0)
    assert sigma[0] == 1e-3
    assert law(0.7) / law(0.0) == pytest.approx(50.0, rel=1e-9)
    x_c = values["Si electrode S impurity band critical content [at%]"].value
    assert law(x_c - 0.1) / law(0.0) < 1.1  # localised impurity states: barely conducting
    assert law(x_c + 0.3) / law(0.0) > 10  # overlapping band: metallic
    curvature = np.gradient(np.gradient(np.log(sigma), x), x)
    assert abs(x[np.argmax(curvature)] - x_c) < 0.05  # the crossover sits at the transition
    # the particle follows the pellet, damped by the contact in series: 6x at 0.7 at%
    f_b = values["Si electrode particle bulk resistance fraction"].value
    particle = sd.particle_conductivity(sigma, 1e-3, f_b)
    assert np.all(np.diff(particle) > 0)
    assert sd.particle_conductivity(law(0.7), 1e-3, f_b) / 1e-3 == pytest.approx(6.0, rel=1e-9)


def test_channel_diffusivity_ratio_and_barriers():
    v = {k: x.value for k, x in qms(0.7).items()}
    args = (
        v["Si particle bulk diffusivity [m2.s-1]"],
        v["Si particle bulk diffusion barrier [eV]"],
        v["Si particle channel diffusion barrier [eV]"],
        sd.channel_enhancement(0.7, 0.7, 5000.0),
        v["Si particle channel stoichiometry scale"],
        298.15,
    )
    d = sd.channel_diffusivity_numpy(np.array([0.0, 0.5, 1.0]), 298.15, *args)
    assert d[0] / args[0] == pytest.approx(5000.0)
    assert d[0] > d[1] > d[2] > args[0]  # channels matter most at low Li content
    # Arrhenius: the channel (0.32 eV) is less temperature-sensitive than bulk Si (0.58 eV)
    hot = sd.channel_diffusivity_numpy(np.array([0.0]), 333.15, *args)[0]
    bulk_hot = args[0] * np.exp(-0.58 / sd.K_B_EV * (1 / 333.15 - 1 / 298.15))
    assert hot / d[0] < bulk_hot / args[0]


def test_first_cycle_li2s_loss_is_two_faradays_per_mole_of_sulfur():
    result = simulate("qms07_half", "qms_formation", progress=False)
    row = result.table.iloc[0]
    si_mass_kg = result.parameters["Si mass [g]"] / 1000
    x = 0.7
    mol_s = x / (100 - x) * si_mass_kg / sd.M_SI
    assert row["Li2S (trapped by S) [mAh]"] == pytest.approx(2 * mol_s * MOL_TO_MAH, rel=1e-4)
    # and the SEI line does not contain it
    si = simulate("qms_si_half", "qms_formation", progress=False).table.iloc[0]
    assert row["C-Li (SEI) [mAh]"] == pytest.approx(si["C-Li (SEI) [mAh]"], rel=0.02)


def test_lithium_is_conserved_with_li2s():
    solver = pybamm.IDAKLUSolver(rtol=1e-8, atol=1e-10)
    result = simulate("qms07_half", "qms_cycling_0.5C", cycles=4, progress=False, solver=solver)
    assert result.completed, result.message
    t = result.table
    assert np.abs(t["Li balance relative error"]).max() < 1e-6
    # Li2S forms in the first lithiation only and is never given back
    li2s = t["Li2S (trapped by S) [mAh]"].to_numpy()
    assert li2s[0] > 0
    assert np.all(np.abs(li2s - li2s[0]) < 1e-6 * li2s[0])


def test_lithium_is_conserved_in_the_qms_full_cell():
    result = simulate("qms07_lco_full", "qms_full_cell_1C", cycles=2, progress=False)
    assert result.completed, result.message
    total = result.table["total Li [mAh]"]
    assert np.abs(total - total.iloc[0]).max() < 1e-6 * total.iloc[0]
    assert result.table["Li2S (trapped by S) [mAh]"].iloc[0] > 0
