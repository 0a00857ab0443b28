"""Small-signal impedance of a sibamm cell, at its fresh state or at the end of a run of steps.

The model is linearised about the state and solved in the frequency domain by PyBaMM's
:class:`pybamm.EISSimulation` (``(i omega M - J) x = b``, current-controlled at zero mean current;
Hallemans et al., 2025). sibamm cells have no double layer, so the spectrum holds no capacitive arcs:
above the solid-state diffusion frequencies it is flat at the cell's series resistance (electrolyte and
Si film ohmic drops, counter-electrode kinetics, and the Si interface's charge-transfer, space-charge
and interphase steps); below them the finite-length diffusion of Li in the Si bends it towards the
capacitive axis. The reported ``Si charge-transfer resistance [Ohm]`` is the Si interface's part of that
high-frequency plateau (``tests/test_impedance.py`` checks it against the spectrum).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pybamm

from .errors import SibammError
from .models import SiliconDFN
from .parameters.cells import Cell, get_cell
from .simulation import solve_steps

#: frequencies [Hz] of :func:`impedance_spectrum` by default: 1 mHz to 1 MHz, as a lab EIS sweep
DEFAULT_FREQUENCIES = tuple(np.logspace(-3, 6, 37))


def _frequencies(frequencies) -> np.ndarray:
    try:
        f = np.atleast_1d(np.asarray(frequencies, dtype=float))
    except (TypeError, ValueError):
        f = np.array([np.nan])
    if f.ndim != 1 or f.size == 0 or not np.all(np.isfinite(f)) or np.any(f <= 0):
        raise SibammError(
            f"frequencies must be a non-empty list of positive numbers [Hz], got {frequencies!r}"
        )
    return f


def impedance_spectrum(
    cell: str | Cell,
    frequencies=DEFAULT_FREQUENCIES,
    steps=(),
    overrides: dict | None = None,
    state: pybamm.Solution | None = None,
) -> pd.DataFrame:
    """Impedance of ``cell`` at the end of ``steps`` (PyBaMM step strings run on the fresh cell; none:
    the fresh cell), or at the last point of a PyBaMM ``state`` solution of the same cell.

    ``overrides`` (sibamm parameter names) apply to the run of ``steps`` and to the linearisation; with
    a ``state``, only to the linearisation (the same state seen through other parameters).
    Returns ``frequency [Hz]``, ``Z' [Ohm]`` and ``-Z'' [Ohm]`` (the Nyquist axes).

    Example: ``impedance_spectrum("hal_si_half", steps=("Discharge at 1C until -0.6 V",
    "Rest for 10 minutes"))``.
    """
    f = _frequencies(frequencies)
    cell_def = cell if isinstance(cell, Cell) else get_cell(cell)
    if steps and state is not None:
        raise SibammError("give either steps or state, not both")
    if steps:
        state = solve_steps(cell_def, steps, overrides)
    model = SiliconDFN(cell_def.model_options)
    if state is not None:
        model = model.set_initial_conditions_from(state, inplace=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eis = pybamm.EISSimulation(
            model, parameter_values=cell_def.parameter_values(overrides), skip_surface_form_check=True
        )
        z = np.asarray(eis.solve(f).impedance)
    return pd.DataFrame({"frequency [Hz]": f, "Z' [Ohm]": z.real, "-Z'' [Ohm]": -z.imag})
