"""`sibamm bench`: wall time of sibamm's Si cells against stock PyBaMM, timed in the same run.

Each case solves a sibamm model and the stock PyBaMM DFN half cell (Li-metal counter
electrode, solvent-diffusion-limited SEI on the working electrode) with the *same*
parameter values, mesh, solver settings and experiment. The stock model cannot read
sibamm's hysteresis branches, so it uses the lithiation branch as its single OCP.
Times include building and discretising the model (both without PyBaMM's post-discretisation
model check, which the test suite runs instead); each is the best of ``repeats``.
"""

from __future__ import annotations

import time
import warnings

import pybamm

from .experiments import get_protocol
from .models import SiliconDFN
from .parameters.cells import get_cell


def _experiment(n_cycles: int) -> pybamm.Experiment:
    """The HPSS protocol's own formation and 1C cycles (`sibamm.experiments`)."""
    formation, cycling = get_protocol("cycling_1C").blocks
    return pybamm.Experiment([formation.steps] + [cycling.steps] * (n_cycles - 1))


def _time(make_model, pv, experiment, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            model = make_model()
            sim = pybamm.Simulation(
                model,
                parameter_values=pv,
                experiment=experiment,
                solver=pybamm.IDAKLUSolver(),
                discretisation_kwargs={"check_model": False},
            )
            sol = sim.solve(calc_esoh=False)
            best = min(best, time.perf_counter() - t0)
        if len(sol.cycles) != len(experiment.cycles):
            raise RuntimeError(f"benchmark run stopped after {len(sol.cycles)} cycles")
    return best


def run_bench(cases=((1, 3), (100, 1)), progress: bool = True) -> list[dict]:
    """Return one record per case: ``{"case", "seconds", "baseline", "baseline_seconds", "ratio"}``."""
    cell = get_cell("hpss_c_half")
    pv = cell.parameter_values()
    stock_pv = pv.copy()
    stock_pv.update({"Positive electrode OCP [V]": pv["Positive electrode lithiation OCP [V]"]})
    stock_options = {"working electrode": "positive", "SEI": ("none", "solvent-diffusion limited")}
    records = []
    for n_cycles, repeats in cases:
        exp = _experiment(n_cycles)
        if progress:
            print(f"bench: {n_cycles} cycle(s), best of {repeats} ...", flush=True)
        base = _time(lambda: pybamm.lithium_ion.DFN(stock_options), stock_pv, exp, repeats)
        ours = _time(lambda: SiliconDFN(cell.model_options), pv, exp, repeats)
        records.append(
            {
                "case": f"hpss_c_half, {n_cycles} cycle{'s' if n_cycles > 1 else ''} (0.1C formation + 1C)",
                "seconds": round(ours, 3),
                "baseline": "stock PyBaMM DFN half cell (SEI), same mesh and protocol",
                "baseline_seconds": round(base, 3),
                "ratio": round(ours / base, 3),
            }
        )
    return records
