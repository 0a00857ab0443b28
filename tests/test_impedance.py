"""Small-signal impedance (sibamm.impedance): the reported Rct is the Si interface's share of the model's
impedance, the spectrum has the shape of a cell without double layer, and bad input is refused."""

from __future__ import annotations

import numpy as np
import pytest

from sibamm.errors import SibammError
from sibamm.impedance import impedance_spectrum
from sibamm.parameters import materials
from sibamm.validation.hal import EIS_STATES, eis_steps

RCT = "Si charge-transfer resistance [Ohm]"
HIGH_FREQUENCY = [1e4]  # Hz: above the solid-state diffusion, below nothing (no double layer)


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
        z = impedance_spectrum(cell, HIGH_FREQUENCY, state=None if i is None else at)["Z' [Ohm]"].iloc[0]
        z_ideal = impedance_spectrum(
            cell, HIGH_FREQUENCY, state=None if i is None else at, overrides=_ideal_interface()
        )["Z' [Ohm]"].iloc[0]
        rct = float(at[RCT].entries[point])
        assert z - z_ideal == pytest.approx(rct, rel=1e-2), (state, z, z_ideal, rct)
        assert z_ideal > 0  # the series resistance of the rest of the cell is left


def test_spectrum_is_flat_at_high_frequency_and_capacitive_at_low_frequency():
    """No double layer: above the diffusion frequencies the impedance is real and frequency-independent.
    Below them the finite-length diffusion of Li in the film, closed at the Cu side, stores charge like a
    capacitor: between 0.1 and 1 mHz, -Z'' grows almost as 1/f (log slope near -1; semi-infinite
    Warburg diffusion would give -1/2, a purely resistive model 0)."""
    z = impedance_spectrum("hal_alcl3_10_half", [1e-4, 1e-3, 1.0, 1e5, 1e6])
    re, im = z["Z' [Ohm]"].to_numpy(), z["-Z'' [Ohm]"].to_numpy()
    assert re[-1] == pytest.approx(re[-2], rel=1e-6)
    assert abs(im[-1]) < 1e-6 * re[-1]
    assert im[1] > 50 * im[2] > 0
    slope = np.log10(im[1] / im[0])  # per decade of frequency, from 0.1 to 1 mHz
    assert -1.05 < slope < -0.8, slope


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
