"""HAL (issue 4) data side: halogenation law, cells, protocols, GITT / DC-polarisation analysis, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from sibamm.analysis import dc_polarisation_conductivity, gitt_diffusivity, vs_li, vs_li_in
from sibamm.errors import SibammError
from sibamm.experiments.protocols import PROTOCOLS, get_protocol
from sibamm.parameters.cells import CELLS, get_cell, hal_surface_layer
from sibamm.parameters.halogenation import surface_layer
from sibamm.simulation import simulate

HAL_CELLS = sorted(n for n, c in CELLS.items() if c.system == "hal")
HALF = "hal_alcl3_10_half"


def _one_line(err) -> str:
    msg = str(err.value)
    assert "\n" not in msg
    return msg


# --------------------------------------------------------------------------- halogenation law


def test_surface_layer_trends_with_alcl3_fraction():
    """More AlCl3: more oxide removed, more residual AlCl3, thicker layer, more inactive mass; bare uSi has
    no layer and keeps its oxide (which takes Li instead)."""
    fractions = np.linspace(0.0, 0.3, 13)
    layers = [surface_layer(w, 1e-6, 7.5e-9, 1.98e-5, 8.8e-4, 3e3) for w in fractions]
    cov = [x.coverage for x in layers]
    res = [x.residual_alcl3_mol_per_kg for x in layers]
    assert cov[0] == 0 and layers[0].residual_alcl3_mol_per_kg == 0 and layers[0].layer_thickness_m == 0
    assert np.all(np.diff(cov) > 0) and cov[-1] > 0.99
    assert np.all(np.diff(res) >= 0)
    assert np.all(np.diff([x.si_mass_fraction for x in layers]) < 0)
    assert np.all(np.diff([x.oxide_li_loss_mol_per_kg for x in layers]) < 0)
    assert np.all(np.diff([x.residual_li_loss_mol_per_kg for x in layers]) >= 0)
    # the chemical Li sink alone has an interior minimum: oxide at low wt%, residual AlCl3 at high wt%
    sink = [x.irreversible_li_mAh_per_g for x in layers]
    k = int(np.argmin(sink))
    assert 0 < k < len(sink) - 1


def test_conductivity_law_passes_through_both_reported_films():
    si, al = get_cell("hal_si_half").values(), get_cell(HALF).values()
    assert hal_surface_layer(si).conductivity_S_m == pytest.approx(1.98e-5, rel=1e-9)
    assert hal_surface_layer(al).conductivity_S_m == pytest.approx(7.93e-4, rel=1e-9)


def test_alcl3_fraction_reaches_every_derived_value():
    base = get_cell(HALF).values()
    more = get_cell(HALF).values({"Si AlCl3 mass fraction": 0.15})
    for name in (
        "Si electrode surface layer coverage",
        "Si electrode surface layer resistance [Ohm.m2]",
        "Si electrode AlCl3 lithium content [mol.m-3]",
        "Si electrode Si phase conductivity when delithiated [S.m-1]",
        "Si active material Si mass fraction",
        "Si mass loading [kg.m-2]",
    ):
        assert more[name].value != pytest.approx(base[name].value, rel=1e-6), name


# --------------------------------------------------------------------------- physics through the model


def test_ice_optimum_lies_at_an_interior_alcl3_fraction():
    """ICE of the 3500 mA/g first cycle, from the model: 10 wt% beats both 5 and 15 wt% (and bare uSi)."""
    ice = {}
    for w in (0.0, 0.05, 0.10, 0.15):
        res = simulate(HALF, "hal_first_cycle", overrides={"Si AlCl3 mass fraction": w}, progress=False)
        assert res.completed, res.message
        ice[w] = float(res.table["CE [%]"].iloc[0])
    best = max(ice, key=ice.get)
    assert 0 < best < 0.15, ice
    assert ice[0.10] > ice[0.05] > ice[0.0]


@pytest.mark.parametrize("cell", [c for c in HAL_CELLS if "highload" not in c and "prelithiated" not in c])
def test_every_hal_cell_builds_and_solves_one_cycle(cell):
    c = get_cell(cell)
    if c.cell_type == "full":
        protocol = "hal_full_first_cycle"
    else:
        protocol = "hal_highload_1.5mA" if "highload" in cell else "hal_first_cycle"
    res = simulate(cell, protocol, cycles=1, progress=False)
    assert res.completed, res.message
    row = res.table.iloc[0]
    assert 0 < row["CE [%]"] < 100
    assert row["lithiation capacity [mAh/g]"] > 0
    assert abs(row["Li balance relative error"]) < 1e-3
    if "highload" not in cell:  # the thin films reach most of their capacity at 1C
        assert row["CE [%]"] > 75 and row["lithiation capacity [mAh/g]"] > 2000


@pytest.mark.parametrize("cell", ["hal_si_half", HALF])
def test_dense_film_rests_after_a_full_lithiation_with_the_runner_tolerances(cell):
    """A rest right after a lithiation to the cut-off must solve at IDAKLU(rtol=1e-6, atol=1e-8).

    It failed at the rest's first step while the film's x-direction stand-in conductivity was a fixed
    1e3 S/m: the local interfacial current of the identical film x points was then defined only to
    ~1e-5 A/m2 in double precision, far above atol once j -> 0 (see DenseFilmOhm)."""
    import warnings

    import pybamm

    from sibamm.models import SiliconDFN

    c = get_cell(cell)
    sim = pybamm.Simulation(
        SiliconDFN(c.model_options),
        parameter_values=c.parameter_values(),
        experiment=pybamm.Experiment([("Discharge at 0.1C until -0.6 V", "Rest for 10 minutes")]),
        solver=pybamm.IDAKLUSolver(rtol=1e-6, atol=1e-8),
        discretisation_kwargs={"check_model": False},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sol = sim.solve(calc_esoh=False)
    steps = sol.cycles[-1].steps
    assert len(steps) == 2
    rest = steps[1]
    assert rest["Time [s]"].entries[-1] - rest["Time [s]"].entries[0] == pytest.approx(600)
    assert np.max(np.abs(rest["Current [A]"].entries)) == 0
    # after lithiation the film relaxes: its potential rises (slightly) during the rest
    v = rest["Voltage [V]"].entries
    assert v[-1] > v[0] and v[-1] - v[0] < 0.05


def test_prelithiated_full_cell_first_cycle_finishes():
    """Sensitive to the dense film's x stand-in conductance (DenseFilmOhm): it failed with 1e6 S/m2."""
    res = simulate("hal_alcl3_ncm88_prelithiated_full", "hal_full_prelithiated", progress=False)
    assert res.completed, res.message
    assert 80 < res.table["CE [%]"].iloc[0] < 100


def _full_ice(cell, protocol="hal_full_first_cycle", **overrides):
    return simulate(cell, protocol, progress=False, overrides=overrides).table["CE [%]"].iloc[0]


def test_cracks_from_full_cell_pressing_lower_only_the_si_alcl3_full_cell_ice():
    """The full cells' 400 MPa pressing cracks part of the SA layer left intact at 180 MPa: the cracked share
    meets LPSC as bare Si does, so the Si@AlCl3 || NCM88 ICE falls as the intact fraction kept falls, while
    bare uSi (no layer) does not see the parameter; at 1.0 the full cell keeps the half cells' share."""
    kept = "Si surface layer intact fraction kept at full-cell pressing"
    ratio = "Si electrode surface layer sulfide reduction ratio"
    assert get_cell("hal_alcl3_ncm88_full").values({kept: 1.0})[ratio].value == pytest.approx(
        get_cell(HALF).values()[ratio].value
    )
    al = [_full_ice("hal_alcl3_ncm88_full", **{kept: k}) for k in (1.0, 0.7, 0.4)]
    assert al[0] > al[1] + 0.5 and al[1] > al[2] + 2.0
    si = [_full_ice("hal_si_ncm88_full", **{kept: k}) for k in (1.0, 0.4)]
    assert si[0] == pytest.approx(si[1], abs=1e-6)


def test_prelithiation_raises_the_si_alcl3_full_cell_ice():
    """HAL: ICE 85.6% without, 86.6% with pre-lithiation. The pre-lithiated Li makes up the Si's first-cycle
    loss, so the ICE rises to the NCM88's own limit (before the full-cell cracking it fell, by 0.2 pp)."""
    plain = _full_ice("hal_alcl3_ncm88_full")
    pre = _full_ice("hal_alcl3_ncm88_prelithiated_full", "hal_full_prelithiated")
    assert 0.5 < pre - plain < 2.0


def test_rct_states_give_four_resistances():
    """The Rct table's four EIS states come from one cycle + 12 h rest (it stopped at the rest before)."""
    from sibamm.validation.hal import RCT_REPORTED, rct_states

    rct = rct_states(HALF)
    assert set(rct) == set(RCT_REPORTED)
    assert all(np.isfinite(v) and v > 0 for v in rct.values()), rct
    # Li-poor Si has a smaller exchange current than the lithiated film ...
    assert rct["delithiated"] > rct["lithiated"]
    # ... but the EIS state is read on the relaxed cell, not at the cut-off where the emptied
    # surface makes the linearised kinetics diverge (~1e4 Ohm)
    assert rct["delithiated"] < 1e3


def test_amorphised_face_lowers_the_rct_after_the_first_cycle_but_not_the_pristine_one():
    """The delithiated a-Si face supplies r^A times the pristine crystal's carriers (A the amorphised
    share): the pristine Rct is unchanged, the relaxed Rct after the cycle falls below it (HAL: 470 ->
    189 Ohm for uSi), and r = 1 gives back the crystal's law, whose emptied film is worse than pristine."""
    from sibamm.validation.hal import _solve, rct_states

    name = "Si electrode space-charge amorphised face conductivity factor"
    cell = "hal_si_half"
    shipped = get_cell(cell).values()[name].value
    assert shipped > 1
    rct = {r: rct_states(cell, {name: r}) for r in (1.0, shipped)}
    assert rct[shipped]["initial"] == pytest.approx(rct[1.0]["initial"], rel=1e-9)
    after = "after one cycle + 12 h rest"
    assert rct[1.0][after] > rct[1.0]["initial"]
    assert rct[shipped][after] < 0.5 * rct[shipped]["initial"]
    assert rct[shipped][after] < 0.5 * rct[1.0][after]
    # the face factor is r^(1 - xi/xi_0) with the film's crystalline fraction
    steps = get_protocol("hal_cycle_rest_12h").blocks[0].steps
    names = (
        "X-averaged Si electrode space-charge amorphised face factor",
        "X-averaged Si electrode pristine crystalline Si fraction",
    )
    parts = _solve(cell, steps, names)
    lith, rest = parts[0], parts[-1]
    xi0 = get_cell(cell).values()["Si electrode initial crystalline Si fraction"].value
    for part, i in ((lith, 0), (rest, -1)):
        factor, xi = (float(np.atleast_1d(part[n])[i]) for n in names)
        assert factor == pytest.approx(shipped ** max(1 - max(xi, 0) / xi0, 0), rel=1e-4)  # x-averaged
    assert float(np.atleast_1d(lith[names[0]])[0]) == pytest.approx(1.0, abs=1e-9)


@pytest.fixture(scope="module")
def gitt_runs():
    """{cell: (completed, message, D [cm2/s], pulse table, result)} of the GITT protocol for uSi and
    Si@AlCl3 (one run each, shared by the GITT tests)."""
    from sibamm.validation.hal import gitt_run

    runs = {}
    for cell in ("hal_si_half", HALF):
        res, d, table = gitt_run(cell)
        runs[cell] = (res.completed, res.message, d, table, res)
    return runs


def test_gitt_protocol_gives_a_transformation_diffusivity(gitt_runs):
    """The GITT protocol (0.1C pulses, 2 h rests) runs through and the paper's extraction gives a D."""
    completed, message, d, table, _ = gitt_runs[HALF]
    assert completed, message
    assert np.isfinite(d) and 1e-13 < d < 1e-7, d
    assert len(table) > 10


def _plateau_onset(run) -> float:
    """Lithiation capacity [mAh/g] at the first GITT pulse in the transformation region."""
    from sibamm.validation.hal import gitt_onset

    onset = gitt_onset(run[3])
    assert onset is not None
    return onset


def test_gitt_si_alcl3_reaches_the_transformation_plateau_before_usi(gitt_runs):
    """Paper (SCIENCE.md HAL GITT): uSi first forms a solid solution, then transforms; Si@AlCl3 goes
    straight into the transformation. The model keeps the order: Si@AlCl3's relaxed potential reaches the
    c-Si plateau after less lithiation than uSi's (clearly: by more than two 0.1C pulses)."""
    usi, alcl3 = _plateau_onset(gitt_runs["hal_si_half"]), _plateau_onset(gitt_runs[HALF])
    pulse = gitt_runs[HALF][3]["capacity [mAh/g]"].iloc[0]  # capacity of one pulse
    assert alcl3 + 2 * pulse < usi, (alcl3, usi)


@pytest.mark.xfail(
    strict=True,
    reason="known gap (report, GITT note): the Si|LPSC interphase keeps taking Li from the film in every "
    "2 h rest (25% of the GITT's Li for Si@AlCl3, whose reduction ratio r exposes 60% of its face), so the "
    "relaxed potential reaches the plateau only after ~960 mAh/g: Si@AlCl3 does not go straight in",
)
def test_gitt_si_alcl3_goes_straight_into_the_transformation(gitt_runs):
    """Paper: Si@AlCl3 goes straight into the transformation: on the plateau within the first 10% of its
    capacity (~350 mAh/g)."""
    assert _plateau_onset(gitt_runs[HALF]) < 350.0


def test_gitt_slope_before_the_plateau_comes_from_the_interphase_drain_at_rest(gitt_runs):
    """What sets the GITT slope before the plateau (the report's attribution, GITT_ATTRIBUTION):
    - the Si|LPSC interphase takes a share of the GITT's Li, larger on bare uSi than on Si@AlCl3;
    - without its routes and with the hysteresis state starting on the lithiation branch, Si@AlCl3 goes
      straight into the transformation (within its first two pulses, 175 mAh/g) and its onset moves by
      more than 600 mAh/g: the per-node c-Si fraction (no depth resolution) is not what slopes it."""
    from sibamm.validation.hal import GITT_ATTRIBUTION, gitt_onset, gitt_run, interphase_share

    share = {cell: interphase_share(run[4]) for cell, run in gitt_runs.items()}
    assert share["hal_si_half"] > share[HALF] > 10.0, share
    overrides = list(GITT_ATTRIBUTION.values())[-1]
    _, _, table = gitt_run(HALF, overrides)
    onset = gitt_onset(table)
    assert onset is not None and onset <= 175.0, onset
    assert _plateau_onset(gitt_runs[HALF]) - onset > 600.0


@pytest.mark.xfail(
    strict=True,
    reason="known gap (report, GITT notes): on the model's flat c-Si plateau dEs is small, and the Si|LPSC "
    "interphase, which takes Li from the film in every rest, makes it smaller: 5e-12 / 7e-12 cm2/s against "
    "the paper's 2-3e-10 (without the interphase and with a lithiation-branch start: 1e-10 / 1.5e-10)",
)
def test_gitt_transformation_diffusivity_reaches_the_paper_with_its_ordering(gitt_runs):
    """Paper: 2.15e-10 (uSi) < 2.96e-10 cm2/s (Si@AlCl3) in the transformation region."""
    d = {cell: run[2] for cell, run in gitt_runs.items()}
    assert d[HALF] > d["hal_si_half"]
    assert d["hal_si_half"] == pytest.approx(2.15e-10, rel=0.2)
    assert d[HALF] == pytest.approx(2.96e-10, rel=0.2)


def test_cv_hold_at_the_end_of_delithiation_raises_the_ice():
    """SCIENCE.md: a CV hold at the end of delithiation recovers part of the K-Li. The CC-CV protocol holds
    at 1.4 V vs Li-In after the CC delithiation (a hold at the lithiation end lowered the ICE: LPSC
    reduction keeps running at 0.02 V vs Li)."""
    steps = get_protocol("hal_first_cycle_cccv").blocks[0].steps
    assert steps[0].startswith("Discharge") and "-0.6 V" in steps[0]
    assert steps[1].startswith("Charge") and steps[2].startswith("Hold at 1.4 V")
    cc = simulate(HALF, "hal_first_cycle", progress=False).table.iloc[0]
    cv = simulate(HALF, "hal_first_cycle_cccv", progress=False).table.iloc[0]
    assert cv["lithiation capacity [mAh/g]"] == pytest.approx(cc["lithiation capacity [mAh/g]"], rel=1e-6)
    assert cv["delithiation capacity [mAh/g]"] > cc["delithiation capacity [mAh/g]"]
    assert cv["CE [%]"] > cc["CE [%]"] + 0.2
    # the hold extracts Li left in the Si: less Li stays behind than after the CC delithiation
    assert cv["Li in active Si [mAh]"] < cc["Li in active Si [mAh]"]


def test_high_loading_cells_cycle_at_5_1_ma_cm2_after_activation():
    """The cold-pressed films (> 10 mAh/cm2) stopped in cycle 1-2 at 5.1 mA/cm2 without the 1.5 mA/cm2
    activation cycle: the c-Si plateau sits below the ohmic drop. After it they cycle on a-LixSi, and the
    coated Si keeps more of its capacity at 5.1 mA/cm2 than bare uSi (its interphase resists less)."""
    from sibamm.parameters import components as comp

    q = {}
    for cell in ("hal_alcl3_highload_half", "hal_si_highload_half"):
        res = simulate(cell, "hal_highload_5.1mA", cycles=3, progress=False)
        assert res.completed, res.message
        q[cell] = (
            res.table["delithiation capacity [mAh/g]"] * res.parameters["Si mass [g]"] / (comp.HAL_AREA * 1e4)
        )
        assert q[cell].iloc[0] > 9.5  # activation: the paper reports > 10 mAh/cm2 (> 9 in its rate test)
        assert q[cell].iloc[1] < q[cell].iloc[0]  # 5.1 mA/cm2: polarisation costs capacity
        assert 98.0 <= res.table["CE [%]"].iloc[2] < 100.0
    al, si = (q[c].iloc[2] / q[c].iloc[0] for c in q)
    assert al > 0.5 and al > si


def test_hal_protocols_parse_and_use_the_li_in_frame():
    for p in PROTOCOLS.values():
        if p.system != "hal":
            continue
        for block in p.blocks:
            block.experiment()
    steps = get_protocol("hal_first_cycle").blocks[0].steps
    assert "-0.6 V" in steps[0] and "1.4 V" in steps[1]
    assert vs_li(-0.6) == pytest.approx(0.02) and vs_li(1.4) == pytest.approx(2.02)


def test_frame_conversion_is_exact_and_invertible():
    v = np.linspace(-0.6, 1.4, 11)
    assert np.array_equal(vs_li_in(vs_li(v)), v)
    assert np.allclose(vs_li(v) - v, 0.62, atol=0, rtol=0) or np.allclose(vs_li(v) - v, 0.62)


# --------------------------------------------------------------------------- analysis on synthetic input


def _synthetic_gitt(D, length, tau=900.0, rest=7200.0, n=5, de_s=0.01):
    """Pulses whose transient follows the Weppner-Huggins sqrt(t) law for diffusivity D."""
    de_t = de_s * np.sqrt(4 * length**2 / (np.pi * tau * D))
    t, i, v = [0.0], [0.0], [0.5]
    v0 = 0.5
    for _ in range(n):
        t0 = t[-1]
        ts = t0 + np.linspace(0, tau, 31)
        t += list(ts)
        i += [1e-4] * 31
        v += list(v0 - de_t * np.sqrt((ts - t0) / tau))
        v0 -= de_s
        tr = ts[-1] + np.linspace(1, rest, 20)
        t += list(tr)
        i += [0.0] * 20
        v += list(v0 + (v[-1] - v0) * np.exp(-(tr - ts[-1]) / 300))
        v[-1] = v0
    return np.array(t), np.array(i), np.array(v)


def test_gitt_analysis_recovers_a_known_diffusivity():
    D, L = 3e-14, 6.6e-6
    t, i, v = _synthetic_gitt(D, L)
    table = gitt_diffusivity(t, i, v, L)
    assert len(table) == 5
    assert np.allclose(table["D [m2/s]"], D, rtol=1e-6)


def test_weppner_huggins_steady_change_inverts_the_formula():
    """The dEs a reported D needs, fed back with the same dEt, returns that D; above the ceiling it is dEt."""
    from sibamm.analysis import weppner_huggins_limit, weppner_huggins_steady_change

    D, L = 3e-14, 6.6e-6
    t, i, v = _synthetic_gitt(D, L)
    table = gitt_diffusivity(t, i, v, L)
    dEs = weppner_huggins_steady_change(table["dEt [V]"], D, L, table["tau [s]"])
    assert np.allclose(dEs, table["dEs [V]"], rtol=1e-6)
    ceiling = weppner_huggins_limit(L, 900.0)
    assert weppner_huggins_steady_change([0.01], 10 * ceiling, L, 900.0)[0] == pytest.approx(0.01)
    with pytest.raises(SibammError, match="must be positive"):
        weppner_huggins_steady_change([0.01], 0.0, L, 900.0)


def test_gitt_implied_relaxation_falls_below_the_model_plateau(gitt_runs):
    """The relaxed voltage the paper's D implies starts on the model's plateau and falls below it: the
    model's plateau is flatter than the reported D says (the record stays out for that reason)."""
    from sibamm.validation.hal import gitt_implied_relaxation

    table = gitt_runs[HALF][3]
    implied = gitt_implied_relaxation(
        table, 2.96e-10, get_cell(HALF).values()["Si electrode thickness [m]"].value
    )
    region = table["transformation region"].to_numpy()
    assert np.isnan(implied[~region]).all() and np.isfinite(implied[region]).all()
    model = table["relaxed potential vs Li [V]"].to_numpy()[region]
    assert implied[region][0] == model[0]
    assert np.all(np.diff(implied[region]) <= 0)
    assert (model[0] - model[-1]) < 0.5 * (implied[region][0] - implied[region][-1])


def test_weppner_huggins_limit_leaves_only_the_film_thickness_as_diffusion_length():
    """D_WH <= 4 L^2/(pi tau): with the paper's 900 s pulses its 2.96e-10 cm2/s needs L >= 4.6 um, which
    the dense film has and the 1-3 um particles (V/S = R/3, or even R) do not."""
    from sibamm.analysis import weppner_huggins_limit

    film = get_cell(HALF).values()["Si electrode thickness [m]"].value
    for reported in (2.15e-14, 2.96e-14):  # m2/s
        assert weppner_huggins_limit(film, 900.0) > reported
        assert weppner_huggins_limit(1.5e-6, 900.0) < reported  # largest particle radius
        assert weppner_huggins_limit(1.5e-6 / 3, 900.0) < reported / 50
    assert weppner_huggins_limit(4.6e-6, 900.0) == pytest.approx(2.99e-14, rel=0.01)
    with pytest.raises(SibammError):
        weppner_huggins_limit(0.0, 900.0)


def test_gitt_transformation_region_is_the_c_si_plateau():
    from sibamm.validation.hal import GITT_PLATEAU_WINDOW, gitt_transformation_region

    relaxed = np.array([0.46, 0.26, 0.17, 0.12, 0.1 + GITT_PLATEAU_WINDOW - 1e-4, 0.098, 0.097, 0.09])
    mask = gitt_transformation_region(relaxed, 0.10)
    assert mask.tolist() == [False, False, False, False, True, True, True, True]


def test_dc_polarisation_recovers_a_known_conductivity():
    sigma, L, A = 7.93e-4, 6.6e-6, 0.785e-4
    v = np.linspace(0.05, 0.5, 10)
    i = v * sigma * A / L
    assert dc_polarisation_conductivity(v, i, L, A) == pytest.approx(sigma, rel=1e-12)
    noisy = i * (1 + 0.01 * np.sin(np.arange(10)))
    assert dc_polarisation_conductivity(v, noisy, L, A) == pytest.approx(sigma, rel=0.02)


# --------------------------------------------------------------------------- bad input


def test_unphysical_alcl3_fraction_is_rejected_in_one_line():
    with pytest.raises(SibammError) as err:
        get_cell(HALF).values({"Si AlCl3 mass fraction": 0.7})
    assert "AlCl3" in _one_line(err)
    with pytest.raises(SibammError) as err:
        get_cell(HALF).values({"Si AlCl3 mass fraction": -0.1})
    assert "AlCl3" in _one_line(err)


@pytest.mark.parametrize(
    "name",
    [
        "Si electrode space-charge exchange current density when lithiated [A.m-2]",
        "Si electrode space-charge conductivity exponent",
        "Si electrode space-charge amorphised face conductivity factor",
    ],
)
@pytest.mark.parametrize("value", [0.0, -8.0])
def test_non_positive_space_charge_parameters_are_rejected_in_one_line(name, value):
    with pytest.raises(SibammError) as err:
        get_cell(HALF).values({name: value})
    assert name in _one_line(err) and "positive" in _one_line(err)


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_isolated_fraction_outside_0_1_is_rejected_in_one_line(value):
    name = "Si electrode interfacial contact loss isolated fraction"
    with pytest.raises(SibammError) as err:
        get_cell(HALF).values({name: value})
    assert name in _one_line(err) and "[0, 1]" in _one_line(err)


@pytest.mark.parametrize(
    ("name", "value", "rule"),
    [
        ("Si electrode interfacial void growth coefficient", -1e-3, "not be negative"),
        ("Si electrode interfacial void strain-rate exponent", -0.5, "not be negative"),
        ("Si electrode interfacial void reference strain rate [s-1]", 0.0, "positive"),
    ],
)
def test_unphysical_void_law_parameters_are_rejected_in_one_line(name, value, rule):
    with pytest.raises(SibammError) as err:
        get_cell(HALF).values({name: value})
    assert name in _one_line(err) and rule in _one_line(err)


def test_unphysical_oxide_thickness_is_rejected_in_one_line():
    with pytest.raises(SibammError) as err:
        surface_layer(0.1, 1e-6, 2e-6, 1.98e-5, 8.8e-4, 3e3)
    assert "SiO2" in _one_line(err)


def test_unknown_hal_cell_is_rejected_in_one_line():
    with pytest.raises(SibammError) as err:
        get_cell("hal_alcl3_20_half")
    assert "hal_alcl3_20_half" in _one_line(err)


def test_half_protocol_on_the_full_cell_is_rejected():
    with pytest.raises(SibammError) as err:
        simulate("hal_alcl3_ncm88_full", "hal_first_cycle", progress=False)
    assert "half" in _one_line(err)


@pytest.mark.parametrize(
    "call",
    [
        lambda: gitt_diffusivity([0, 1, 2], [0, 0, 0], [1, 1, 1], 1e-6),
        lambda: gitt_diffusivity([0, 1, 2, 3], [1, 1, 0, 0], [1, 0.9, 0.95, 0.95], -1.0),
        lambda: gitt_diffusivity([0, 1], [1, 0], [1, 1], 1e-6),
        lambda: dc_polarisation_conductivity([0.0, 0.0], [0.0, 0.0], 1e-6, 1e-4),
        lambda: dc_polarisation_conductivity([0.1, 0.2], [1e-3], 1e-6, 1e-4),
        lambda: dc_polarisation_conductivity([0.1, 0.2], [1e-3, 2e-3], -1e-6, 1e-4),
    ],
)
def test_bad_analysis_input_gives_one_line_errors(call):
    with pytest.raises(SibammError) as err:
        call()
    _one_line(err)
