"""Run a cell through a protocol cycle by cycle: progress bar, per-cycle table, and
no lost work when the solver fails or the user interrupts."""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pybamm

from .errors import SibammError
from .experiments import get_protocol
from .experiments.protocols import CAPACITY_LIMIT, Protocol
from .metrics import cycle_row, finalize_table
from .models import SiliconDFN
from .parameters.cells import Cell, get_cell

#: variables kept for every saved cycle profile (voltage curves, geometry, dQ/dV)
PROFILE_VARIABLES = (
    "Time [s]",
    "Current [A]",
    "Voltage [V]",
    "Voltage vs Li [V]",
    "Voltage vs Li-In [V]",
    "Discharge capacity [A.h]",
    "Average Si particle stoichiometry",
    "X-averaged Si particle outer radius [m]",
    "X-averaged Si particle shell thickness [m]",
    "X-averaged Si particle outer diameter change [%]",
    "X-averaged Si particle shell thickness change [%]",
    "Si electrode thickness change [%]",
    "X-averaged Si electrode pristine crystalline Si fraction",
    "X-averaged Si electrode crystalline Li15Si4 fraction",
    # solid-state cells (HAL): EIS-comparable resistances of the Si/SE interface and the film
    "Si charge-transfer resistance [Ohm]",
    "Si interfacial resistance [Ohm]",
    "Si film electronic resistance [Ohm]",
)


@dataclass
class SimulationResult:
    """What a run produced: per-cycle table, time series, saved cycle profiles, status."""

    cell: str
    protocol: str
    table: pd.DataFrame
    timeseries: pd.DataFrame
    profiles: dict = field(default_factory=dict)
    status: str = "completed"
    message: str = ""
    wall_time: float = 0.0
    parameters: dict = field(default_factory=dict)

    @property
    def completed(self) -> bool:
        return self.status == "completed"

    def to_dict(self) -> dict:
        return {
            "cell": self.cell,
            "protocol": self.protocol,
            "status": self.status,
            "message": self.message,
            "cycles_completed": len(self.table),
            "wall_time_s": round(self.wall_time, 3),
            "cycles": self.table.replace({np.nan: None}).to_dict(orient="records"),
        }

    def write_csv(self, path) -> None:
        """Time series with ``Time [s]``, ``Current [A]``, ``Voltage [V]``, ``Cycle``."""
        self.timeseries.to_csv(path, index=False)


#: x-resolved Si variables whose values next to the separator and the current collector are kept
THROUGH_THICKNESS_VARIABLES = ("Si electrode crystalline Li15Si4 fraction",)


def electrode_area_m2(parameter_values) -> float:
    """The cell's electrode area [m2]: PyBaMM's electrode height x width (each cell sets its own disc)."""
    return float(parameter_values["Electrode height [m]"]) * float(parameter_values["Electrode width [m]"])


def _profile(cycle, cell_type: str) -> pd.DataFrame:
    data = {}
    for name in PROFILE_VARIABLES:
        try:
            data[name] = np.squeeze(np.asarray(cycle[name].entries))
        except KeyError:
            continue
    for name in THROUGH_THICKNESS_VARIABLES:
        try:
            field_xt = np.asarray(cycle[name].entries)
        except KeyError:
            continue
        # PyBaMM orders x from the negative to the positive current collector: the Si of a
        # half cell (positive slot) starts at the separator, that of a full cell ends there
        sep, cc = (0, -1) if cell_type == "half" else (-1, 0)
        data[f"{name} near separator"] = field_xt[sep]
        data[f"{name} near current collector"] = field_xt[cc]
    return pd.DataFrame(data)


def reference_capacity(model, parameter_values, block, solver) -> float:
    """Lithiation capacity [A.h] of ``block`` run on the fresh cell: the DOD100% reference."""
    steps = tuple(s for s in block.steps if not str(s).startswith(("Charge", "Rest")))
    sim = pybamm.Simulation(
        model,
        parameter_values=parameter_values,
        experiment=pybamm.Experiment([steps]),
        solver=solver,
        discretisation_kwargs={"check_model": False},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sol = sim.solve(calc_esoh=False)
    q = sol["Discharge capacity [A.h]"].entries
    return float(q[-1] - q[0])


def solve_steps(cell: str | Cell, steps, overrides: dict | None = None) -> pybamm.Solution:
    """Run PyBaMM experiment ``steps`` (one cycle, e.g. ``("Discharge at 1C until -0.6 V",
    "Rest for 10 minutes")``) on the fresh ``cell`` and return the PyBaMM solution.

    For short diagnostic sequences (EIS states, DC polarisation) whose internal variables are read
    directly; cycling protocols go through :func:`simulate`. A step the solver could not finish
    raises a :class:`SibammError` that names it."""
    cell_def = cell if isinstance(cell, Cell) else get_cell(cell)
    steps = tuple(steps)
    if not steps or not all(isinstance(s, str) and s.strip() for s in steps):
        raise SibammError(f"steps must be a non-empty sequence of PyBaMM step strings, got {steps!r}")
    sim = pybamm.Simulation(
        SiliconDFN(cell_def.model_options),
        parameter_values=cell_def.parameter_values(overrides),
        experiment=pybamm.Experiment([steps]),
        solver=pybamm.IDAKLUSolver(rtol=1e-6, atol=1e-8),
        discretisation_kwargs={"check_model": False},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sol = sim.solve(calc_esoh=False)
    done = len(sol.cycles[-1].steps) if sol.cycles and sol.cycles[-1] is not None else 0
    if done < len(steps):
        failed = steps[min(done, len(steps) - 1)]
        raise SibammError(
            f"{cell_def.name}: step {failed!r} did not finish ({done} of {len(steps)} steps ran; "
            f"{sol.termination})"
        )
    return sol


def simulate(
    cell: str | Cell,
    protocol: str | Protocol,
    cycles: int | None = None,
    overrides: dict | None = None,
    options: dict | None = None,
    progress: bool = True,
    keep_profiles=(1, 2),
    table_path=None,
    solver=None,
    reference_capacity_ah: float | None = None,
    cache: dict | None = None,
) -> SimulationResult:
    """Simulate ``cell`` through ``protocol``.

    Parameters
    ----------
    cell, protocol : str, or Cell / Protocol
        Names from ``sibamm list``, or objects composed in code (as ``sibamm.compare`` does).
    cycles : int, optional
        Stop after this many cycles (default: the whole protocol).
    overrides : dict, optional
        Parameter values by sibamm name, e.g. ``{"Si particle diffusivity [m2.s-1]": 1e-14}``.
    options : dict, optional
        Extra sibamm model options.
    progress : bool
        Show a progress bar over cycles.
    keep_profiles : iterable of int
        Cycles whose full profiles are kept (for voltage curves and dQ/dV); the last
        completed cycle is always kept.
    table_path : path, optional
        Rewrite the per-cycle table there after every cycle, so an interrupted run
        leaves it behind.
    reference_capacity_ah : float, optional
        DOD100% lithiation capacity [A.h] for depth-of-discharge-controlled protocols
        (``dod70``...); by default it is measured by running the protocol's reference
        lithiation on the fresh cell first.
    cache : dict, optional
        Reuse the built model and per-block simulations across calls (used by fitting): give
        ``{"parameter_values": pv, "inputs": {...}}`` with ``"[input]"`` entries in ``pv`` for the
        values that change between calls; the model and simulations are stored in it on first use.
    """
    cell_def = cell if isinstance(cell, Cell) else get_cell(cell)
    cell = cell_def.name
    if isinstance(protocol, Protocol):
        proto = protocol
        protocol = proto.name
    else:
        proto = get_protocol(protocol, cell_def.cell_type)
    if cycles is not None and (isinstance(cycles, bool) or not isinstance(cycles, int) or cycles < 1):
        raise SibammError(f"cycles must be a positive integer, got {cycles!r}")
    if reference_capacity_ah is not None and not (
        isinstance(reference_capacity_ah, (int, float)) and 0 < reference_capacity_ah < float("inf")
    ):
        raise SibammError(
            f"reference_capacity_ah must be a positive number of A.h, got {reference_capacity_ah!r}"
        )
    base_inputs = {}
    if cache is not None and "parameter_values" in cache:
        pv, base_inputs = cache["parameter_values"], dict(cache.get("inputs") or {})
    else:
        pv = cell_def.parameter_values(overrides)
    model = cache.get("model") if cache is not None else None
    if model is None:
        model = SiliconDFN({**cell_def.model_options, **(options or {})})
        if cache is not None:
            cache["model"] = model
    si_mass_g = (base_inputs["Si mass [kg]"] if "Si mass [kg]" in base_inputs else pv["Si mass [kg]"]) * 1000
    area_cm2 = electrode_area_m2(pv) * 1e4
    li_in = model.sibamm_options.get("counter electrode") == "Li-In"
    blocks = proto.cycles(cycles)
    solver = solver or pybamm.IDAKLUSolver(rtol=1e-6, atol=1e-8)

    sims: dict = cache.setdefault("sims", {}) if cache is not None else {}
    rows, series, profiles = [], [], {}
    status, message = "completed", ""
    state = None
    t0 = time.perf_counter()
    keep = set(keep_profiles)
    q_ref = reference_capacity_ah
    if q_ref is None and any(b.capacity_fraction for b in blocks):
        q_ref = reference_capacity(model, pv, proto.reference, solver)
    q_passed = 0.0  # cumulative discharge capacity [A.h] at the start of the cycle
    bar = _progress(len(blocks), f"{cell} {protocol}", progress)
    try:
        for n, block in enumerate(blocks, start=1):
            if block.label not in sims:
                sims[block.label] = pybamm.Simulation(
                    model,
                    parameter_values=pv,
                    experiment=block.experiment(),
                    solver=solver,
                    discretisation_kwargs={"check_model": False},  # checked by the test suite
                )
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    inputs = {
                        **base_inputs,
                        **(
                            {CAPACITY_LIMIT: q_passed + block.capacity_fraction * q_ref}
                            if block.capacity_fraction
                            else {}
                        ),
                    } or None
                    sol = sims[block.label].solve(starting_solution=state, calc_esoh=False, inputs=inputs)
            except pybamm.SolverError as err:
                status = "failed"
                message = f"solver failed in cycle {n} ({block.label}): {str(err).splitlines()[0]}"
                break
            cycle = sol.cycles[-1]
            if not _cycle_finished(cycle, block):
                status = "failed"
                message = (
                    f"cycle {n} ({block.label}) stopped early: {cycle.termination}; "
                    "the finished cycles are kept"
                )
                break
            rows.append(
                cycle_row(cycle, n, block.label, block.c_rate, cell_def.cell_type, si_mass_g, area_cm2)
            )
            ts = pd.DataFrame(
                {
                    "Time [s]": cycle["Time [s]"].entries,
                    "Current [A]": cycle["Current [A]"].entries,
                    "Voltage [V]": cycle["Voltage [V]"].entries,
                }
            )
            if li_in:  # Li-In half cells report Voltage [V] vs Li-In: the Si potential vs Li as well
                ts["Voltage vs Li [V]"] = cycle["Voltage vs Li [V]"].entries
            ts["Cycle"] = n
            series.append(ts)
            if n in keep:
                profiles[n] = _profile(cycle, cell_def.cell_type)
            last_cycle = cycle
            q_passed = float(cycle["Discharge capacity [A.h]"].entries[-1])
            state = sol.last_state
            if table_path is not None:
                finalize_table(rows, si_mass_g).to_csv(table_path, index=False)
            bar.update(1)
            bar.set_postfix(cap=f"{rows[-1]['delithiation capacity [mAh/g]']:.0f} mAh/g")
    except KeyboardInterrupt:
        status, message = "interrupted", f"interrupted by the user after {len(rows)} cycles"
    finally:
        bar.close()
    if rows and len(rows) not in profiles:
        profiles[len(rows)] = _profile(last_cycle, cell_def.cell_type)
    if not rows and status == "completed":
        raise SibammError(f"{cell} {protocol}: no cycle completed")
    table = finalize_table(rows, si_mass_g, reference_cycle=2 if len(rows) > 1 else 1)
    if table_path is not None and rows:
        table.to_csv(table_path, index=False)
    timeseries = pd.concat(series, ignore_index=True) if series else pd.DataFrame()
    return SimulationResult(
        cell,
        protocol,
        table,
        timeseries,
        profiles,
        status,
        message,
        time.perf_counter() - t0,
        {"Si mass [g]": si_mass_g, "area [cm2]": area_cm2}
        | ({"reference capacity [mAh]": q_ref * 1000} if q_ref else {}),
    )


def _cycle_finished(cycle, block) -> bool:
    """A cycle is finished when it ran all its steps and the last ended as the protocol says."""
    if len(cycle.steps) != len(block.steps):
        return False
    return "event" not in str(cycle.termination) or "[experiment]" in str(cycle.termination)


class _NoBar:
    def update(self, n):
        pass

    def set_postfix(self, **kw):
        pass

    def close(self):
        pass


def _progress(total: int, desc: str, show: bool):
    if not show:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="cycle")
