"""Small-signal impedance of a sibamm cell, at its fresh state or at the end of a run of steps.

The model is linearised about the state and solved in the frequency domain by PyBaMM's
:class:`pybamm.EISSimulation` (``(i omega M - J) x = b``, current-controlled at zero mean current;
Hallemans et al., 2025), with a double layer at each electrode's interface (:class:`DoubleLayerEIS`).
The spectrum then has the shape of a measured one: the high-frequency intercept is the cell's series
resistance (electrolyte and Si film ohmic drops, the Li-In counter electrode's kinetics, which have no
double layer here); the Si interface's charge-transfer, space-charge and interphase steps, in parallel with
the double layer, make one arc whose diameter is the reported ``Si charge-transfer resistance [Ohm]``
(``tests/test_impedance.py``); below the arc the finite-length diffusion of Li in the Si bends it towards
the capacitive axis. ``double_layer=False`` gives the spectrum without the double layer (no arc: flat at
series + interface resistance above the diffusion frequencies).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pybamm
from casadi import MX, Function, jacobian
from scipy.sparse import csc_matrix, lil_matrix

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


class DoubleLayerEIS(pybamm.EISSimulation):
    """PyBaMM's frequency-domain EIS with a double layer at the interface of every electrode that has an
    x-domain (the Si film or porous electrode, a porous positive electrode; not a planar Li or Li-In foil).

    A double layer carries no direct current, so at the linearisation point (zero mean current) it changes
    nothing; in the small-signal model it is a capacitance ``C_dl`` per interface area in parallel with the
    interfacial reactions, as in PyBaMM's ``"surface form": "differential"``:
    ``div i_e = a (j + C_dl d(phi_s - phi_e)/dt)`` and ``div i_s = -a (j + C_dl d(phi_s - phi_e)/dt)``.
    sibamm's dense film and single-ion conductor keep ``phi_s`` and ``phi_e`` algebraic (PyBaMM's surface
    form is not wired through them), so the capacitance enters the mass matrix of those two charge balances
    (PyBaMM scales both rows by ``L_x^2``): ``M += +-L_x^2 a C_dl d(phi_s - phi_e)/dy`` on the electrode's
    rows, with ``a`` (the interface area per volume, which the film's contact loss shrinks) taken at the
    state. ``C_dl`` is ``"<Domain> electrode double-layer capacity [F.m-2]"``.
    """

    def _build_matrix_problem(self, inputs_dict=None):
        M, neg_J, b = super()._build_matrix_problem(inputs_dict)
        model = self._built_model
        y0 = model.concatenated_initial_conditions.evaluate(0, inputs=inputs_dict or {}).ravel()
        y = MX.sym("y", y0.size)
        rows = {var.name: np.arange(y0.size)[slices[0]] for var, slices in model.y_slices.items()}
        pv = self._parameter_values
        scale = pv.evaluate(self._model.param.L_x) ** 2
        added = lil_matrix(M.shape)
        for Domain in ("Negative", "Positive"):
            solid, electrolyte = f"{Domain} electrode potential [V]", f"{Domain} electrolyte potential [V]"
            if solid not in rows or electrolyte not in rows:
                continue
            dphi = model.get_processed_variable(f"{Domain} electrode surface potential difference [V]")
            grad = Function("g", [y], [jacobian(dphi.to_casadi(t=0, y=y, inputs=inputs_dict or {}), y)])
            area = model.get_processed_variable(f"{Domain} electrode surface area to volume ratio [m-1]")
            a = np.ravel(area.evaluate(0, y0, inputs=inputs_dict or {}))
            c_dl = pv.evaluate(pybamm.Parameter(f"{Domain} electrode double-layer capacity [F.m-2]"))
            d = csc_matrix(grad(y0).sparse()).tolil()
            for k, (row_e, row_s) in enumerate(zip(rows[electrolyte], rows[solid])):
                term = d.getrow(k) * (scale * a[k] * c_dl)
                added[row_e] = added[row_e] + term
                added[row_s] = added[row_s] - term
        return M + csc_matrix(added), neg_J, b


def impedance_spectrum(
    cell: str | Cell,
    frequencies=DEFAULT_FREQUENCIES,
    steps=(),
    overrides: dict | None = None,
    state: pybamm.Solution | None = None,
    double_layer: bool = True,
) -> pd.DataFrame:
    """Impedance of ``cell`` at the end of ``steps`` (PyBaMM step strings run on the fresh cell; none:
    the fresh cell), or at the last point of a PyBaMM ``state`` solution of the same cell.

    ``overrides`` (sibamm parameter names) apply to the run of ``steps`` and to the linearisation; with
    a ``state``, only to the linearisation (the same state seen through other parameters).
    ``double_layer``: with the electrodes' double layers (:class:`DoubleLayerEIS`), or without them.
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
        eis = (DoubleLayerEIS if double_layer else pybamm.EISSimulation)(
            model, parameter_values=cell_def.parameter_values(overrides), skip_surface_form_check=True
        )
        z = np.asarray(eis.solve(f).impedance)
    return pd.DataFrame({"frequency [Hz]": f, "Z' [Ohm]": z.real, "-Z'' [Ohm]": -z.imag})
