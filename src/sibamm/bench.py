"""`sibamm bench`: wall time of sibamm's Si cells against stock PyBaMM, timed in the same run.

Each case solves a sibamm model and the stock PyBaMM DFN half cell (Li-metal counter
electrode, solvent-diffusion-limited SEI on the working electrode) with the *same*
parameter values, mesh, solver settings and experiment. The stock model cannot read
sibamm's hysteresis branches, so it uses the lithiation branch as its single OCP.
Times include building and discretising the model (both without PyBaMM's post-discretisation
model check, which the test suite runs instead); each is the best of ``repeats``.

``long=True`` adds the 800-cycle HPSS case (the paper's 1C cycling; both models keep every
200th cycle, as a long run would). ``sweep=True`` times a small design sweep
(:mod:`sibamm.compare`) with 1 and 2 local workers; its record's baseline is the 1-worker
run and it carries the parallel efficiency ``t1 / (2 t2)``.
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


def _time(make_model, pv, experiment, repeats: int, save_at_cycles=None) -> tuple[float, float]:
    """Best wall time and the CPU time of this process over that run [s]."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0, c0 = time.perf_counter(), time.process_time()
            model = make_model()
            sim = pybamm.Simulation(
                model,
                parameter_values=pv,
                experiment=experiment,
                solver=pybamm.IDAKLUSolver(),
                discretisation_kwargs={"check_model": False},
            )
            sol = sim.solve(calc_esoh=False, save_at_cycles=save_at_cycles)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            if wall < best:
                best, best_cpu = wall, cpu
        if len(sol.cycles) != len(experiment.cycles):
            raise RuntimeError(f"benchmark run stopped after {len(sol.cycles)} cycles")
    return best, best_cpu


def run_bench(
    cases=((1, 3), (100, 1)), progress: bool = True, long: bool = False, sweep: bool = True
) -> list[dict]:
    """Return one record per case: ``{"case", "seconds", "baseline", "baseline_seconds", "ratio"}``
    (with the CPU times ``cpu_seconds``, ``baseline_cpu_seconds``, ``cpu_ratio`` of the model cases)."""
    cell = get_cell("hpss_c_half")
    pv = cell.parameter_values()
    stock_pv = pv.copy()
    stock_pv.update({"Positive electrode OCP [V]": pv["Positive electrode lithiation OCP [V]"]})
    stock_options = {"working electrode": "positive", "SEI": ("none", "solvent-diffusion limited")}
    records = []
    cases = tuple(cases) + (((800, 1),) if long else ())
    for n_cycles, repeats in cases:
        exp = _experiment(n_cycles)
        save = 200 if n_cycles > 200 else None
        if progress:
            print(f"bench: {n_cycles} cycle(s), best of {repeats} ...", flush=True)
        base, base_cpu = _time(lambda: pybamm.lithium_ion.DFN(stock_options), stock_pv, exp, repeats, save)
        ours, ours_cpu = _time(lambda: SiliconDFN(cell.model_options), pv, exp, repeats, save)
        records.append(
            {
                "case": f"hpss_c_half, {n_cycles} cycle{'s' if n_cycles > 1 else ''} (0.1C formation + 1C)",
                "seconds": round(ours, 3),
                "baseline": "stock PyBaMM DFN half cell (SEI), same mesh and protocol",
                "baseline_seconds": round(base, 3),
                "ratio": round(ours / base, 3),
                # CPU time of this process: less sensitive than wall time to other load on the machine
                "cpu_seconds": round(ours_cpu, 3),
                "baseline_cpu_seconds": round(base_cpu, 3),
                "cpu_ratio": round(ours_cpu / base_cpu, 3),
            }
        )
    if sweep:
        records.append(sweep_throughput(progress=progress))
    return records


#: the benchmark sweep: four HPSS@C half cells that differ in areal capacity, formation + 10 cycles
SWEEP_SPACE = {
    "name": "bench sweep",
    "base": {"material": "HPSS@C", "cell": "half", "protocol": "cycling", "cycles": 10},
    "grid": {"areal_capacity": [1.5, 2.0, 2.5, 3.0]},
}


def sweep_throughput(space: dict | None = None, progress: bool = True) -> dict:
    """Wall time of one design sweep with 1 and with 2 local workers (fresh stores each)."""
    import tempfile

    from .compare import compare

    space = space or SWEEP_SPACE
    times, cpu = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, 2):
            if progress:
                print(f"bench: design sweep with {workers} worker(s) ...", flush=True)
            t0 = time.perf_counter()
            result = compare(space, db=f"{tmp}/sweep_{workers}.sqlite", workers=workers, progress=False)
            times[workers] = time.perf_counter() - t0
            cpu[workers] = sum(r["details"].get("cpu time [s]", 0.0) for r in result.records)
            failed = [r for r in result.records if r["status"] != "completed"]
            if failed:
                raise RuntimeError(f"benchmark sweep: {failed[0]['label']}: {failed[0]['reason']}")
    n = len(result.records)
    return {
        "case": f"design sweep, {n} designs, 2 local workers",
        "seconds": round(times[2], 3),
        "baseline": "same sweep, 1 worker (in process)",
        "baseline_seconds": round(times[1], 3),
        "ratio": round(times[2] / times[1], 3),
        "parallel efficiency": round(times[1] / (2 * times[2]), 3),
        "designs per minute (1, 2 workers)": [round(60 * n / times[1], 2), round(60 * n / times[2], 2)],
        # CPU seconds the designs used: equal totals mean the workers only lost time to waiting for a core
        "design cpu seconds (1, 2 workers)": [round(cpu[1], 2), round(cpu[2], 2)],
    }
