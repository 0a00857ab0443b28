"""Small-signal impedance (sibamm.impedance): the reported Rct is the Si interface's share of the model's
impedance; with the double layer it is the diameter of one arc whose time constant is R_ct C_dl A; without
it the spectrum is flat above the diffusion frequencies; bad input is refused."""

from __future__ import annotations

import numpy as np
import pybamm
import pytest

from sibamm.errors import SibammError
from sibamm.impedance import impedance_spectrum
from sibamm.parameters import materials
from sibamm.validation.hal import EIS_STATES, eis_steps

RCT = "Si charge-transfer resistance [Ohm]"
HIGH_FREQUENCY = [1e4]  # Hz: above the solid-state diffusion (spectra without the double layer)


def _ideal_interface() -> dict:
    """Si interface steps made 1e6x more conductive: kinetics, space charge, surface layer, interphase."""
    return {
        "Si electrode exchange-current density [A.m-2]": materials.si_exchange_current(
            1e6 * materials.HAL_EXCHANGE_PREFACTOR
        ),
        "Si electrode space-charge exchange current density when lithiated [A.m-2]": (
            1e6 * materials.HAL_SPACE_CHARGE_EXCHANGE
        ),
        "Si electrode surface layer resistance [Ohm.m2]": 1e-12,
        "Si electrode sulfide interphase ionic conductivity [S.m-1]": 1e3,
    }


@pytest.mark.parametrize("cell", ["hal_si_half", "hal_alcl3_10_half"])
def test_linearised_rct_is_the_interface_share_of_the_small_signal_impedance(cell):
    """At each EIS state, the model's high-frequency impedance minus that of the same state with an ideal
    Si interface equals the reported ``Si charge-transfer resistance`` (kinetic + space-charge +
    interphase, linearised by hand in ``SiliconDFN._interface_resistances``) within 1%. A wrong factor in
    any of the three terms (e.g. ``R T / (F j_sc A)`` for the space charge) breaks it."""
    steps = eis_steps(cell)
    for state, i in EIS_STATES.items():
        if state == "after one cycle + 12 h rest":
            continue  # same film state as "delithiated", 12 h later: covered by that one
        at = steps[0] if i is None else steps[i]
        point = 0 if i is None else -1
        state_ = None if i is None else at
        z = impedance_spectrum(cell, HIGH_FREQUENCY, state=state_, double_layer=False)["Z' [Ohm]"].iloc[0]
        z_ideal = impedance_spectrum(
            cell, HIGH_FREQUENCY, state=state_, overrides=_ideal_interface(), double_layer=False
        )["Z' [Ohm]"].iloc[0]
        rct = float(at[RCT].entries[point])
        assert z - z_ideal == pytest.approx(rct, rel=1e-2), (state, z, z_ideal, rct)
        assert z_ideal > 0  # the series resistance of the rest of the cell is left


def test_spectrum_without_double_layer_is_flat_at_high_frequency_and_capacitive_at_low_frequency():
    """No double layer: above the diffusion frequencies the impedance is real and frequency-independent.
    Below them the finite-length diffusion of Li in the film, closed at the Cu side, stores charge like a
    capacitor: between 0.1 and 1 mHz, -Z'' grows almost as 1/f (log slope near -1; semi-infinite
    Warburg diffusion would give -1/2, a purely resistive model 0)."""
    z = impedance_spectrum("hal_alcl3_10_half", [1e-4, 1e-3, 1.0, 1e5, 1e6], double_layer=False)
    re, im = z["Z' [Ohm]"].to_numpy(), z["-Z'' [Ohm]"].to_numpy()
    assert re[-1] == pytest.approx(re[-2], rel=1e-6)
    assert abs(im[-1]) < 1e-6 * re[-1]
    assert im[1] > 50 * im[2] > 0
    slope = np.log10(im[1] / im[0])  # per decade of frequency, from 0.1 to 1 mHz
    assert -1.05 < slope < -0.8, slope


@pytest.mark.parametrize("cell", ["hal_si_half", "hal_alcl3_10_half"])
def test_double_layer_makes_one_arc_of_diameter_rct_and_time_constant_rct_cdl_area(cell):
    """With the double layer (DoubleLayerEIS) the Si interface is an arc: the R_s + R_ct||CPE fit of the
    spectrum returns the model's Rct as its diameter, an ideal capacitor (n ~ 1) of C_dl times the Si
    interface area (a wrong scale of the mass-matrix term moves Q), the arc ending where the spectrum without
    the double layer is flat (R_s + R_ct), and the low-frequency impedance, where the capacitor carries
    nothing, unchanged."""
    from sibamm.analysis import fit_randles
    from sibamm.models import SiliconDFN
    from sibamm.parameters.cells import get_cell

    f = np.logspace(-3, 6, 37)
    z = impedance_spectrum(cell, f)
    fit = fit_randles(z["frequency [Hz]"], z["Z' [Ohm]"], z["-Z'' [Ohm]"])
    pv = get_cell(cell).parameter_values()
    sim = pybamm.Simulation(SiliconDFN(get_cell(cell).model_options), parameter_values=pv)
    sim.build()
    y0 = sim.built_model.concatenated_initial_conditions.evaluate(0).ravel()
    rct = float(np.ravel(sim.built_model.get_processed_variable(RCT).evaluate(0, y0))[0])
    area = float(
        np.ravel(sim.built_model.get_processed_variable("Si interface area [m2]").evaluate(0, y0))[0]
    )
    c_dl = pv["Positive electrode double-layer capacity [F.m-2]"]
    assert fit["R_ct [Ohm]"] == pytest.approx(rct, rel=1e-2)
    assert fit["n"] > 0.98
    assert fit["Q [F.s^(n-1)]"] == pytest.approx(c_dl * area, rel=0.05)
    flat = impedance_spectrum(cell, HIGH_FREQUENCY, double_layer=False)["Z' [Ohm]"].iloc[0]
    assert fit["R_s [Ohm]"] + fit["R_ct [Ohm]"] == pytest.approx(flat, rel=1e-2)
    low = impedance_spectrum(cell, [1e-3], double_layer=False)
    assert z["Z' [Ohm]"].iloc[0] == pytest.approx(low["Z' [Ohm]"].iloc[0], rel=1e-3)


@pytest.mark.parametrize("cell", ["hal_alcl3_ncm88_full", "hpss_c_half"])
def test_double_layer_reaches_every_x_domain_electrode(cell):
    """Full cells (Si and NCM88 both with an x-domain) and liquid porous cells: with the double layers the
    high-frequency impedance falls below the no-double-layer plateau (the interfaces are short-circuited by
    their capacitors), while at 1 mHz, where the capacitors carry almost nothing, it is unchanged (within
    1%: a porous electrode's large interface area keeps a small capacitive share there)."""
    f = [1e-3, 1e6]
    with_dl = impedance_spectrum(cell, f)["Z' [Ohm]"].to_numpy()
    without = impedance_spectrum(cell, f, double_layer=False)["Z' [Ohm]"].to_numpy()
    assert with_dl[0] == pytest.approx(without[0], rel=1e-2)
    assert with_dl[1] < 0.5 * without[1]


def test_randles_fit_recovers_a_known_circuit_and_refuses_too_few_points():
    from sibamm.analysis import fit_randles

    f = np.logspace(-1, 6, 29)
    w = 2 * np.pi * f
    z = 12.0 + 80.0 / (1 + 80.0 * 3e-5 * (1j * w) ** 0.9) + 1 / (1j * w * 50.0)  # + a capacitive tail
    fit = fit_randles(f, z.real, -z.imag)
    assert fit["R_s [Ohm]"] == pytest.approx(12.0, rel=1e-2)
    assert fit["R_ct [Ohm]"] == pytest.approx(80.0, rel=2e-2)
    assert fit["n"] == pytest.approx(0.9, abs=0.02)
    with pytest.raises(SibammError, match="at least 4"):
        fit_randles([1.0, 2.0], [1.0, 1.0], [0.0, 0.0])


@pytest.mark.parametrize("frequencies", [[], [0.0, 1.0], [-1.0], "abc", [np.nan]])
def test_bad_frequencies_are_refused_in_one_line(frequencies):
    with pytest.raises(SibammError) as err:
        impedance_spectrum("hal_si_half", frequencies)
    msg = str(err.value)
    assert "\n" not in msg and "frequencies must be a non-empty list of positive numbers" in msg


def test_steps_and_state_together_are_refused():
    state = eis_steps("hal_si_half")[1]
    with pytest.raises(SibammError, match="either steps or state"):
        impedance_spectrum("hal_si_half", [1.0], steps=("Rest for 1 second",), state=state)


@pytest.mark.parametrize("steps", [[""], [3.0], ("Rest for 1 second", None)])
def test_malformed_steps_are_refused_in_one_line(steps):
    with pytest.raises(SibammError) as err:
        impedance_spectrum("hal_si_half", [1.0], steps=steps)
    msg = str(err.value)
    assert "\n" not in msg and "steps must be a non-empty sequence of PyBaMM step strings" in msg
