"""The fit: simulate, compare with the targets, optimise, estimate the uncertainty.

Why SciPy and not PyBOP here: every evaluation runs sibamm's cycle-by-cycle protocol runner
(:func:`sibamm.simulate`), which re-derives volume fractions, porosity and the 1C current from
the free parameters (a radius or loading changes them) and reads the targets from sibamm's
per-cycle metrics. PyBOP's ``Simulator`` puts ``pybop.Parameter`` objects directly into PyBaMM
parameter values, so it would bypass that derivation and the runner. The problem is a small
weighted least-squares problem (a handful of parameters, residual vectors from scalars and
curves), which is what :func:`scipy.optimize.least_squares` (trust-region reflective, bounded)
solves, and its Jacobian gives the Fisher/Gauss-Newton uncertainty without extra runs.
Nelder-Mead and differential evolution (global) are offered for rough or multi-modal costs.
"""

from __future__ import annotations

import datetime
import math
import time
import warnings

import numpy as np
import pybamm
from scipy import optimize
from scipy.stats import qmc

from ..errors import SibammError
from ..experiments import get_protocol
from ..naming import to_pybamm
from ..parameters.cells import Cell, get_cell
from ..simulation import simulate
from .free import FreeParameter
from .result import FitResult
from .targets import Target, _Missing

OPTIMISERS = ("least_squares", "nelder-mead", "differential-evolution")
#: parameters (substrings) that set the mesh or the 1C current: a change needs a rebuilt simulation
_REBUILD = (
    "radius",
    "thickness",
    "Nominal cell capacity",
    "Current function",
    "Electrode height",
    "Electrode width",
)
#: residual (in sigmas) given to every point of a target the simulation could not reach
PENALTY = 30.0


class Problem:
    """Cell, protocol, targets and free parameters; evaluates the weighted residual vector at ``z``."""

    def __init__(
        self,
        cell,
        protocol: str,
        targets: list[Target],
        parameters: list[FreeParameter],
        cycles: int | None = None,
        fixed: dict | None = None,
    ):
        self.cell: Cell = get_cell(cell) if not isinstance(cell, Cell) else cell
        self.cell_name = cell if isinstance(cell, str) else self.cell.name
        self.protocol_name = protocol
        self.protocol = get_protocol(protocol, self.cell.cell_type)
        if not targets:
            raise SibammError("no fit targets: give --data FILE and/or --target METRIC=VALUE")
        if not parameters:
            raise SibammError('no free parameters: give at least one --param "NAME=LOW:HIGH"')
        self.targets = targets
        self.parameters = parameters
        self.fixed = dict(fixed or {})
        names = [p.name for p in parameters]
        if len(set(names)) != len(names):
            dup = next(n for n in names if names.count(n) > 1)
            raise SibammError(f"parameter {dup!r} is given twice")
        shipped = self.cell.values(self.fixed)
        for p in parameters:
            if p.name not in shipped:
                raise SibammError(
                    f"unknown parameter {p.name!r} for cell {self.cell_name!r}; "
                    f"see `sibamm list --parameters {self.cell_name}`"
                )
            value = shipped[p.name].value
            if callable(value):
                raise SibammError(f"parameter {p.name!r} is a function, not a number; it cannot be fitted")
            p.set_initial(p.initial if p.initial is not None else value)
        self.shipped = {p.name: shipped[p.name].value for p in parameters}
        # check the start values give a physical cell (the bounds may still cross into unphysical values)
        self.cell.values({**self.fixed, **{p.name: p.initial for p in parameters}})
        needed = [t.cycles_needed() for t in targets if t.needs_simulation]
        if any(n is None for n in needed):
            if cycles is None and self.protocol.n_cycles > 1:
                raise SibammError(
                    f"the time series has no 'Cycle' column and protocol {protocol!r} has "
                    f"{self.protocol.n_cycles} cycles: say how many it covers with --cycles N"
                )
            self.cycles = cycles or self.protocol.n_cycles
        else:
            self.cycles = max(needed, default=0) or None
            if cycles is not None and self.cycles is not None and cycles < self.cycles:
                raise SibammError(
                    f"the targets need {self.cycles} cycles but --cycles is {cycles}; raise --cycles"
                )
        if self.cycles and self.cycles > self.protocol.n_cycles:
            raise SibammError(
                f"the targets need {self.cycles} cycles but protocol {protocol!r} has "
                f"{self.protocol.n_cycles}"
            )
        self.needs_simulation = any(t.needs_simulation for t in targets)
        self._reuse = None  # built model and simulations, reused when only inputs change
        self._cache: dict = {}
        self.evaluations = 0
        self.failures = 0
        self.best = (math.inf, None)
        self.on_evaluation = None  # callback(cost, best_cost)

    # ------------------------------------------------------------------ evaluation
    def values_at(self, z) -> dict:
        return {p.name: p.from_z(zi) for p, zi in zip(self.parameters, z)}

    def z_start(self) -> np.ndarray:
        return np.array([p.to_z(p.initial) for p in self.parameters])

    def scales(self) -> list[float]:
        """Per-target factor turning raw residuals into weighted, normalised ones."""
        out = []
        for t in self.targets:
            n = t.penalty_size()
            out.append(math.sqrt(t.weight / n) / t.sigma if n else 0.0)
        return out

    def _prepare_reuse(self):
        """Build once, re-solve with inputs: find every PyBaMM value that moves with the free
        parameters (derived ones included, by perturbing each) and make those inputs. Values that
        set the mesh or the 1C current (radii, thicknesses, capacity) need a rebuild every time."""
        start = {**self.fixed, **{p.name: p.initial for p in self.parameters}}
        base = self.cell.values(start)
        moving = set()
        for p in self.parameters:
            for factor in (1.01, 0.99):
                x = p.initial * factor if p.initial else (p.high - p.low) * 1e-3
                if not p.low <= x <= p.high:
                    continue
                try:
                    moved = self.cell.values({**start, p.name: x})
                except SibammError:
                    continue
                moving |= {
                    k
                    for k, v in moved.items()
                    if not callable(v.value) and not callable(base[k].value) and v.value != base[k].value
                }
        moving |= {p.name for p in self.parameters}
        if any(any(word in name for word in _REBUILD) for name in moving) or any(
            b.capacity_fraction for b in self.protocol.blocks
        ):
            return False
        pv = self.cell.parameter_values(start)
        self._input_names = {name: to_pybamm(name, self.cell.cell_type) for name in sorted(moving)}
        pv.update({slot: "[input]" for slot in self._input_names.values()}, check_already_exists=False)
        return {"parameter_values": pv}

    def simulate_at(self, z):
        overrides = {**self.fixed, **self.values_at(z)}
        values = self.cell.values(overrides)
        result = None
        if self.needs_simulation:
            if self._reuse is None:
                self._reuse = self._prepare_reuse()
            cache = None
            if self._reuse:
                cache = self._reuse
                cache["inputs"] = {slot: values[name].value for name, slot in self._input_names.items()}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = simulate(
                    self.cell,
                    self.protocol_name,
                    cycles=self.cycles,
                    overrides=overrides,
                    progress=False,
                    keep_profiles=(),
                    cache=cache,
                )
        return result, values

    def raw_residuals(self, z):
        """Per target: (raw residual array or None when unreachable, simulation result)."""
        key = tuple(np.round(np.asarray(z, dtype=float), 12))
        if key in self._cache:
            return self._cache[key]
        self.evaluations += 1
        try:
            result, values = self.simulate_at(z)
        except (SibammError, pybamm.SolverError) as err:
            self.failures += 1
            out = ([None] * len(self.targets), None, str(err).splitlines()[0])
            self._cache[key] = out
            return out
        raws = []
        for t in self.targets:
            try:
                raws.append(np.asarray(t.residuals(result, values), dtype=float))
            except (_Missing, KeyError, IndexError):
                raws.append(None)
        if any(r is None for r in raws):
            self.failures += 1
        out = (raws, result, result.message if result is not None else "")
        self._cache[key] = out
        return out

    def residuals(self, z) -> np.ndarray:
        raws, _, _ = self.raw_residuals(z)
        parts = []
        for t, raw, scale in zip(self.targets, raws, self.scales()):
            if raw is None or not np.all(np.isfinite(raw)):
                raw = np.full(t.penalty_size(), PENALTY * t.sigma)
            parts.append(raw * scale)
        e = np.concatenate(parts)
        cost = float(e @ e)
        if cost < self.best[0]:
            self.best = (cost, np.array(z, dtype=float))
        if self.on_evaluation:
            self.on_evaluation(cost, self.best[0])
        return e

    def cost(self, z) -> float:
        e = self.residuals(z)
        return float(e @ e)


class JointProblem(Problem):
    """Several (cell, protocol, targets) sharing the same free parameters: their residuals are
    concatenated, so one fit meets targets from different cells and protocols (for example a half
    cell's average CE and a full cell's capacity)."""

    def __init__(self, parts: list[Problem]):
        if not parts:
            raise SibammError("a joint fit needs at least one (cell, protocol, targets)")
        names = [p.name for p in parts[0].parameters]
        for part in parts[1:]:
            if [p.name for p in part.parameters] != names:
                raise SibammError("the parts of a joint fit must share the same free parameters")
            part.parameters = parts[0].parameters
        self.parts = parts
        self.parameters = parts[0].parameters
        self.targets = [t for part in parts for t in part.targets]
        self.cell = parts[0].cell
        self.cell_name = " + ".join(str(p.cell_name) for p in parts)
        self.protocol_name = " + ".join(p.protocol_name for p in parts)
        self.shipped = parts[0].shipped
        self._cache = {}
        self.best = (math.inf, None)
        self.on_evaluation = None

    @property
    def evaluations(self):
        return sum(p.evaluations for p in self.parts)

    @property
    def failures(self):
        return sum(p.failures for p in self.parts)

    def raw_residuals(self, z):
        raws, sims, messages = [], [], []
        for part in self.parts:
            r, sim, msg = part.raw_residuals(z)
            raws += r
            sims.append(sim)
            if msg:
                messages.append(msg)
        return raws, sims[0], "; ".join(messages)


# ---------------------------------------------------------------------- optimisation


def _jacobian(problem: Problem, z: np.ndarray, step: float = 1e-3) -> np.ndarray:
    """Forward-difference Jacobian of the weighted residuals (steps inward at the bounds)."""
    e0 = problem.residuals(z)
    jac = np.zeros((len(e0), len(z)))
    for i in range(len(z)):
        h = step if z[i] + step <= 1 else -step
        zi = z.copy()
        zi[i] += h
        jac[:, i] = (problem.residuals(zi) - e0) / h
    return jac


def _run_one(problem: Problem, z0, optimiser: str, max_evaluations: int, seed: int, step: float, xtol: float):
    n = len(z0)
    bounds01 = [(0.0, 1.0)] * n
    if optimiser == "least_squares":
        res = optimize.least_squares(
            problem.residuals,
            z0,
            bounds=(np.zeros(n), np.ones(n)),
            method="trf",
            diff_step=step,
            x_scale=1.0,
            max_nfev=max_evaluations,
            xtol=xtol,
            ftol=1e-10,
            gtol=1e-10,
        )
        return res.x, res.message
    if optimiser == "nelder-mead":
        res = optimize.minimize(
            problem.cost,
            z0,
            method="Nelder-Mead",
            bounds=bounds01,
            options={"maxfev": max_evaluations, "xatol": xtol, "fatol": 1e-12},
        )
        return res.x, res.message
    res = optimize.differential_evolution(
        problem.cost,
        bounds01,
        seed=seed,
        maxiter=max(1, max_evaluations // (15 * n)),
        polish=False,
        init="sobol",
        x0=z0,
    )
    return res.x, res.message


def fit(
    cell,
    protocol: str,
    targets: list[Target],
    parameters: list[FreeParameter],
    *,
    cycles: int | None = None,
    optimiser: str = "least_squares",
    starts: int = 1,
    seed: int = 0,
    max_evaluations: int = 60,
    profile_points: int = 0,
    fixed: dict | None = None,
    progress: bool = True,
    step: float = 1e-3,
    xtol: float = 1e-6,
) -> FitResult:
    """Fit ``parameters`` of ``cell`` so that ``protocol`` reproduces ``targets``.

    Parameters
    ----------
    cell : str or Cell
        A shipped cell name, a parameter-set file written by a previous fit, or a :class:`Cell`.
    protocol : str
        A protocol name (``sibamm list``).
    targets : list of Target
        From :func:`sibamm.fitting.make_targets` (scalar metrics, time series, per-cycle tables).
    parameters : list of FreeParameter
        Names, bounds, optional start and log transform.
    cycles : int, optional
        Simulate at most this many cycles (default: what the targets need).
    optimiser : {"least_squares", "nelder-mead", "differential-evolution"}
        SciPy's bounded trust-region least squares (default), Nelder-Mead, or differential evolution.
    starts : int
        Number of starts: the first from the initial values, the others from a scrambled Sobol
        sequence in the transformed box (``seed``).
    max_evaluations : int
        Simulation budget per start.
    profile_points : int
        Points per parameter for profile likelihoods (0: none). Other parameters are re-optimised.
    fixed : dict, optional
        Parameter values held fixed during the fit (sibamm names).
    progress : bool
        Show a progress bar with the best cost so far.
    step : float
        Finite-difference step in the transformed [0, 1] coordinates.
    xtol : float
        Stop when a step changes the transformed coordinates by less than this (relative);
        1e-3 is ample for a 5% answer and saves simulations.

    Returns
    -------
    FitResult
        Fitted values, cost, residual per target, uncertainty (Gauss-Newton/Fisher), correlation
        matrix, optional profiles; ``.write_parameter_set(path)`` and ``.plot(dir)``.
    """
    _check_options(optimiser, starts, max_evaluations)
    problem = Problem(cell, protocol, targets, parameters, cycles=cycles, fixed=fixed)
    return fit_problem(
        problem,
        optimiser=optimiser,
        starts=starts,
        seed=seed,
        max_evaluations=max_evaluations,
        profile_points=profile_points,
        progress=progress,
        step=step,
        xtol=xtol,
    )


def _check_options(optimiser, starts, max_evaluations):
    if optimiser not in OPTIMISERS:
        raise SibammError(f"unknown optimiser {optimiser!r}; choose from {list(OPTIMISERS)}")
    if isinstance(starts, bool) or not isinstance(starts, int) or starts < 1:
        raise SibammError(f"starts must be a positive integer, got {starts!r}")
    if isinstance(max_evaluations, bool) or not isinstance(max_evaluations, int) or max_evaluations < 1:
        raise SibammError(f"max_evaluations must be a positive integer, got {max_evaluations!r}")


def fit_problem(
    problem,
    optimiser: str = "least_squares",
    starts: int = 1,
    seed: int = 0,
    max_evaluations: int = 60,
    profile_points: int = 0,
    progress: bool = True,
    step: float = 1e-3,
    xtol: float = 1e-6,
) -> FitResult:
    """Optimise a :class:`Problem` or :class:`JointProblem` (see :func:`fit` for the options)."""
    _check_options(optimiser, starts, max_evaluations)
    parameters = problem.parameters
    t0 = time.perf_counter()
    bar = _Progress(progress, max_evaluations * starts, f"fit {problem.cell_name} {problem.protocol_name}")
    problem.on_evaluation = bar.update
    z_starts = [problem.z_start()]
    if starts > 1:
        sobol = qmc.Sobol(len(parameters), scramble=True, seed=seed)
        z_starts += list(sobol.random(starts - 1))
    runs = []
    try:
        for z0 in z_starts:
            before = problem.evaluations
            z, message = _run_one(
                problem, np.asarray(z0, dtype=float), optimiser, max_evaluations, seed, step, xtol
            )
            runs.append(
                {
                    "start": problem.values_at(z0),
                    "end": problem.values_at(z),
                    "cost": problem.cost(z),
                    "evaluations": problem.evaluations - before,
                    "message": str(message),
                }
            )
    except KeyboardInterrupt:
        runs.append({"message": "interrupted by the user; best point so far kept"})
    z_best = problem.best[1] if problem.best[1] is not None else problem.z_start()
    try:
        jac = _jacobian(problem, z_best, step)
        profiles = _profiles(problem, z_best, profile_points, optimiser, step) if profile_points else {}
    finally:
        bar.close()
    raws, sim, message = problem.raw_residuals(z_best)
    return FitResult.build(
        problem=problem,
        z=z_best,
        jacobian=jac,
        raws=raws,
        simulation=sim,
        message=message,
        runs=runs,
        profiles=profiles,
        optimiser=optimiser,
        seed=seed,
        wall_time=time.perf_counter() - t0,
        date=datetime.date.today().isoformat(),
    )


def _profiles(problem: Problem, z_best, points: int, optimiser: str, step: float) -> dict:
    """Profile cost of each parameter on a grid around the optimum, others re-optimised."""
    out = {}
    base_cost = problem.cost(z_best)
    jac = _jacobian(problem, z_best, step)
    try:
        cov = np.linalg.pinv(jac.T @ jac)
        sd = np.sqrt(np.clip(np.diag(cov), 0, None))
    except np.linalg.LinAlgError:
        sd = np.full(len(z_best), 0.1)
    for i, p in enumerate(problem.parameters):
        half = min(max(3 * sd[i], 0.05), 0.5)
        grid = np.clip(np.linspace(z_best[i] - half, z_best[i] + half, points), 0, 1)
        costs = []
        for zi in grid:
            if len(z_best) == 1:
                costs.append(problem.cost(np.array([zi])))
                continue
            others = [j for j in range(len(z_best)) if j != i]

            def sub(zo, zi=zi, others=others, i=i):
                z = z_best.copy()
                z[i] = zi
                z[others] = zo
                return problem.residuals(z)

            res = optimize.least_squares(
                sub, z_best[others], bounds=(0, 1), diff_step=step, max_nfev=8 * len(others)
            )
            costs.append(float(res.fun @ res.fun))
        out[p.name] = {
            "values": [p.from_z(z) for z in grid],
            "cost": costs,
            "delta cost": [c - base_cost for c in costs],
        }
    return out


class _Progress:
    def __init__(self, show: bool, total: int, desc: str):
        self.bar = None
        if show:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="sim")

    def update(self, cost, best):
        if self.bar is not None:
            if self.bar.n >= self.bar.total:
                self.bar.total += 1
            self.bar.update(1)
            self.bar.set_postfix(cost=f"{cost:.4g}", best=f"{best:.4g}")

    def close(self):
        if self.bar is not None:
            self.bar.close()
