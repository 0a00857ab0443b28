"""Si phase transformations (c-Si, a-LixSi, c-Li15Si4) and depth-of-discharge control (FRM)."""

import numpy as np
import pybamm
import pytest

from sibamm import dqdv_peak_ratio, dqdv_peaks, segment_dqdv, simulate
from sibamm.validation.frm import c_phase_before_delithiation

PHI = "X-averaged Si electrode crystalline Li15Si4 fraction"
XI = "X-averaged Si electrode pristine crystalline Si fraction"
U_F = "Si electrode crystalline Li15Si4 formation potential [V]"


@pytest.fixture(scope="module")
def pc_two_cycles():
    solver = pybamm.IDAKLUSolver(rtol=1e-8, atol=1e-10)
    return simulate("pc_sinp_half", "dod100", cycles=2, progress=False, keep_profiles=(1, 2), solver=solver)


@pytest.fixture(scope="module")
def pc_threshold_below_cutoff():
    """The formation threshold below the 10 mV cut-off: the potential never goes below it."""
    return simulate("pc_sinp_half", "dod100", cycles=1, progress=False, overrides={U_F: 0.002})


@pytest.fixture(scope="module")
def sc_four_cycles():
    return simulate("sc_sinp_half", "dod100", cycles=4, progress=False, keep_profiles=(1, 2, 3, 4))


def _mass(result):
    return result.parameters["Si mass [g]"]


def test_no_crystal_forms_unless_the_potential_falls_below_the_threshold(
    pc_two_cycles, pc_threshold_below_cutoff
):
    assert pc_threshold_below_cutoff.completed, pc_threshold_below_cutoff.message
    assert pc_threshold_below_cutoff.profiles[1][PHI].max() < 1e-4
    # same cell, threshold at its literature value (50 mV): most of the Si crystallises
    assert c_phase_before_delithiation(pc_two_cycles.profiles[1]) > 0.5


def test_043_V_peak_appears_when_and_only_when_the_crystal_was_present(
    pc_two_cycles, pc_threshold_below_cutoff
):
    with_c = pc_two_cycles.profiles[1]
    without = pc_threshold_below_cutoff.profiles[1]
    v, dq = segment_dqdv(with_c, "delithiation", _mass(pc_two_cycles))
    peaks = dqdv_peaks(v, dq)
    assert np.any(np.abs(peaks - 0.43) <= 0.02)
    assert dqdv_peak_ratio(v, dq) > 1
    v0, dq0 = segment_dqdv(without, "delithiation", _mass(pc_threshold_below_cutoff))
    peaks0 = dqdv_peaks(v0, dq0)
    assert not np.any(np.abs(peaks0 - 0.43) <= 0.02)
    assert np.any(np.abs(peaks0 - 0.30) <= 0.04) and np.any(np.abs(peaks0 - 0.55) <= 0.04)
    assert dqdv_peak_ratio(v0, dq0) < 1


def test_lithium_is_conserved_through_the_phase_changes(pc_two_cycles):
    table = pc_two_cycles.table
    assert np.abs(table["Li balance relative error"]).max() < 1e-6
    for profile in pc_two_cycles.profiles.values():
        phi = profile[PHI].to_numpy()
        assert phi.max() > 0.5 and phi[-1] < 1e-3  # formed, then decomposed within the cycle


def test_pristine_crystal_plateau_only_in_the_first_lithiation(pc_two_cycles):
    first, second = pc_two_cycles.profiles[1], pc_two_cycles.profiles[2]
    assert first[XI].iloc[0] > 0.9 and first[XI].iloc[-1] < 0.01
    assert np.all(np.diff(second[XI].to_numpy()) <= 1e-9)
    m = _mass(pc_two_cycles)
    v1, d1 = segment_dqdv(first, "lithiation", m)
    v2, d2 = segment_dqdv(second, "lithiation", m)
    window = (v1 > 0.04) & (v1 < 0.12)
    # the c-Si two-phase plateau is a dominant lithiation peak in cycle 1 only
    assert d1[window].max() > 5 * d2[(v2 > 0.04) & (v2 < 0.12)].max()


def test_depth_of_discharge_cut_off_and_through_thickness_distribution(pc_two_cycles):
    q100 = pc_two_cycles.table["lithiation capacity [mAh/g]"].iloc[0] * _mass(pc_two_cycles) / 1000
    dod90 = simulate("pc_sinp_half", "dod90", cycles=1, progress=False, reference_capacity_ah=q100)
    lith = dod90.table["lithiation capacity [mAh/g]"].iloc[0] * _mass(dod90) / 1000
    assert lith == pytest.approx(0.9 * q100, rel=2e-3)
    prof = dod90.profiles[1]
    near_sep = c_phase_before_delithiation(prof, "Si electrode crystalline Li15Si4 fraction near separator")
    near_cc = c_phase_before_delithiation(
        prof, "Si electrode crystalline Li15Si4 fraction near current collector"
    )
    average = c_phase_before_delithiation(prof)
    assert near_cc <= average <= near_sep  # lithiation runs ahead next to the separator
    assert 0 < average < c_phase_before_delithiation(pc_two_cycles.profiles[1])


def test_single_crystal_nanoparticles_crystallise_only_after_cycling(sc_four_cycles):
    phis = [c_phase_before_delithiation(sc_four_cycles.profiles[k]) for k in (1, 2, 3, 4)]
    assert phis[0] < 0.05 < 0.5 < phis[3]
    assert np.all(np.diff(phis) > 0)
    # switching the framework memory off keeps it amorphous
    memoryless = simulate(
        "sc_sinp_half",
        "dod100",
        cycles=4,
        progress=False,
        keep_profiles=(4,),
        overrides={"Si electrode crystalline Li15Si4 framework nucleation yield": 0.0},
    )
    assert c_phase_before_delithiation(memoryless.profiles[4]) < 0.1


def test_crystal_speeds_up_diffusion():
    """c-Li3.75Si conducts Li two orders faster than a-LixSi: D_eff = D (1 + (r - 1) phi)."""
    from sibamm.models import SiliconDFN
    from sibamm.parameters import get_cell

    cell = get_cell("pc_sinp_half")
    pv = cell.parameter_values()
    model = SiliconDFN(cell.model_options)
    exp = pybamm.Experiment([("Discharge at 1C until 0.01 V", "Hold at 0.01 V until C/100")])
    sol = pybamm.Simulation(model, parameter_values=pv, experiment=exp).solve(calc_esoh=False)
    values = cell.values()
    D = values["Si particle diffusivity [m2.s-1]"].value
    ratio = values["Si electrode crystalline Li15Si4 diffusivity ratio"].value
    d_eff = sol["Positive particle effective diffusivity [m2.s-1]"].entries  # (r, x, t)
    phi = sol["Si electrode crystalline Li15Si4 fraction"].entries  # (x, t)
    assert phi[:, -1].min() > 0.5
    expected = np.broadcast_to(1 + (ratio - 1) * phi[:, -1], d_eff[:, :, -1].shape)
    np.testing.assert_allclose(d_eff[:, :, -1] / D, expected, rtol=1e-9)
    np.testing.assert_allclose(d_eff[:, :, 0] / D, 1.0, rtol=1e-9)
