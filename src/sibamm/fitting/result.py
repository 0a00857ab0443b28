"""What a fit returns: values, cost, residual per target, uncertainty, correlation, plots, and a
parameter-set file with provenance."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

#: parameters whose relative standard deviation exceeds this are flagged as not identifiable
NOT_IDENTIFIABLE = 1.0


@dataclass
class FitResult:
    cell: str
    base_cell: str
    protocol: str
    parameters: dict
    initial: dict
    shipped: dict
    bounds: dict
    transforms: dict
    cost: float
    targets: list
    uncertainty: dict
    correlation: dict
    identifiability: dict
    runs: list
    profiles: dict
    optimiser: str
    seed: int
    evaluations: int
    failed_evaluations: int
    wall_time: float
    date: str
    message: str = ""
    simulation: object = field(default=None, repr=False)
    target_objects: list = field(default_factory=list, repr=False)

    @classmethod
    def build(
        cls, problem, z, jacobian, raws, simulation, message, runs, profiles, optimiser, seed, wall_time, date
    ):
        params = problem.parameters
        values = problem.values_at(z)
        scales = problem.scales()
        targets, rows, sigmas = [], [], []
        start = 0
        for t, raw, scale in zip(problem.targets, raws, scales):
            n = t.penalty_size()
            block = jacobian[start : start + n]
            start += n
            entry = t.describe()
            if raw is None:
                entry.update({"reached": False, "rmse": None, "cost": None})
                targets.append(entry)
                continue
            rmse = float(np.sqrt(np.mean(raw**2)))
            entry.update(
                {
                    "reached": True,
                    "rmse": rmse,
                    "max abs residual": float(np.abs(raw).max()),
                    "cost": float(np.sum((raw * scale) ** 2)),
                }
            )
            if hasattr(t, "simulated") and callable(getattr(t, "simulated", None)) and hasattr(t, "value"):
                entry["simulated"] = float(t.value + raw[0]) if t.comparison == "within" else None
                entry["residual"] = float(raw[0])
            targets.append(entry)
            if scale == 0:
                continue
            # the statistical model: raw residuals ~ N(0, s^2); s = sigma if stated, else from the residuals
            s = t.sigma if t.sigma_known else max(rmse, 1e-9 * max(t.sigma, 1e-30))
            rows.append(block / scale / s)
            sigmas.append(s)
        jr = np.vstack(rows) if rows else np.zeros((0, len(params)))
        fisher = jr.T @ jr
        names = [p.name for p in params]
        try:
            eig = np.linalg.eigvalsh(fisher)
            cond = float(eig.max() / eig.min()) if eig.min() > 0 else math.inf
            cov_z = np.linalg.inv(fisher) if np.isfinite(cond) and cond < 1e14 else np.linalg.pinv(fisher)
        except np.linalg.LinAlgError:
            cond, cov_z = math.inf, np.full((len(params), len(params)), np.nan)
        sd_z = np.sqrt(np.clip(np.diag(cov_z), 0, None))
        uncertainty = {}
        for i, p in enumerate(params):
            x = values[p.name]
            sd = abs(p.dx_dz(x)) * sd_z[i]
            lo = p.from_z(z[i] - 1.96 * sd_z[i]) if np.isfinite(sd_z[i]) else p.low
            hi = p.from_z(z[i] + 1.96 * sd_z[i]) if np.isfinite(sd_z[i]) else p.high
            uncertainty[p.name] = {
                "std": float(sd),
                "relative std": float(sd / abs(x)) if x else None,
                "95% interval": [float(lo), float(hi)],
                "at bound": bool(z[i] <= 1e-6 or z[i] >= 1 - 1e-6),
            }
        with np.errstate(invalid="ignore", divide="ignore"):
            d = np.sqrt(np.diag(cov_z))
            corr = cov_z / np.outer(d, d)
        corr = np.where(np.isfinite(corr), corr, np.nan)
        identifiability = {
            "method": "Gauss-Newton (Fisher information) at the optimum, forward differences in the "
            "transformed coordinates; stated target sigmas, or the residual RMS for curves",
            "condition number": cond,
            "not identifiable": [
                n
                for n in names
                if uncertainty[n]["relative std"] is None
                or not math.isfinite(uncertainty[n]["relative std"])
                or uncertainty[n]["relative std"] > NOT_IDENTIFIABLE
            ],
        }
        cell = problem.cell_name
        return cls(
            cell=str(cell),
            base_cell=problem.cell.name,
            protocol=problem.protocol_name,
            parameters=values,
            initial={p.name: p.initial for p in params},
            shipped=problem.shipped,
            bounds={p.name: [p.low, p.high] for p in params},
            transforms={p.name: "log" if p.log else "linear" for p in params},
            cost=float(problem.cost(z)),
            targets=targets,
            uncertainty=uncertainty,
            correlation={"names": names, "matrix": [[_num(c) for c in row] for row in corr]},
            identifiability=identifiability,
            runs=runs,
            profiles=profiles,
            optimiser=optimiser,
            seed=seed,
            evaluations=problem.evaluations,
            failed_evaluations=problem.failures,
            wall_time=wall_time,
            date=date,
            message=message,
            simulation=simulation,
            target_objects=list(problem.targets),
        )

    # ------------------------------------------------------------------ output
    def to_dict(self) -> dict:
        return {
            "parameters": self.parameters,
            "cost": self.cost,
            "targets": self.targets,
            "cell": self.cell,
            "protocol": self.protocol,
            "initial": self.initial,
            "shipped": self.shipped,
            "bounds": self.bounds,
            "transforms": self.transforms,
            "uncertainty": self.uncertainty,
            "correlation": self.correlation,
            "identifiability": self.identifiability,
            "profiles": self.profiles,
            "starts": self.runs,
            "optimiser": self.optimiser,
            "seed": self.seed,
            "evaluations": self.evaluations,
            "failed evaluations": self.failed_evaluations,
            "wall time [s]": round(self.wall_time, 2),
            "date": self.date,
        }

    def provenance_source(self, name: str) -> str:
        """The ``source`` text of a fitted value: targets, their sources, the cost and the date."""
        parts = []
        for t in self.targets:
            what = t["name"] + (f" = {t['value']:g} {t['unit']}" if "value" in t else f" ({t['unit']})")
            if t.get("source"):
                what += f" [{t['source']}]"
            parts.append(what)
        u = self.uncertainty[name]
        return (
            f"fit of {self.base_cell} {self.protocol} to " + "; ".join(parts) + f"; cost {self.cost:.4g}, "
            f"std {u['std']:.3g} (Gauss-Newton)"
        )

    def write_parameter_set(self, path, name: str | None = None) -> Path:
        """Write a parameter-set file (JSON) that :func:`sibamm.get_cell` and every command load."""
        from .paramfile import write_parameter_file

        values = {
            n: {
                "value": v,
                "kind": "fitted",
                "source": self.provenance_source(n),
                "targets": self.targets,
                "cost": self.cost,
                "date": self.date,
                "std": self.uncertainty[n]["std"],
            }
            for n, v in self.parameters.items()
        }
        return write_parameter_file(
            path,
            base_cell=self.base_cell,
            values=values,
            name=name,
            description=f"{self.base_cell} with {len(values)} value(s) fitted on {self.date}",
            fit={
                "protocol": self.protocol,
                "optimiser": self.optimiser,
                "seed": self.seed,
                "cost": self.cost,
            },
            parent=self.cell if self.cell != self.base_cell else None,
        )

    def summary(self) -> str:
        lines = [
            f"fit {self.cell} {self.protocol}: cost {self.cost:.4g} after {self.evaluations} simulations"
        ]
        for n, v in self.parameters.items():
            u = self.uncertainty[n]
            rel = u["relative std"]
            lines.append(
                f"  {n} = {v:.6g}  (start {self.initial[n]:.4g}; std {u['std']:.3g}"
                + (f", {100 * rel:.2g}%" if rel is not None and math.isfinite(rel) else "")
                + (", AT BOUND" if u["at bound"] else "")
                + ")"
            )
        for t in self.targets:
            if not t.get("reached"):
                lines.append(f"  target {t['name']}: not reached by the simulation")
            else:
                lines.append(f"  target {t['name']}: rmse {t['rmse']:.4g} {t['unit']}")
        if self.identifiability["not identifiable"]:
            lines.append(f"  not identifiable from these targets: {self.identifiability['not identifiable']}")
        return "\n".join(lines)

    def plot(self, out) -> list[Path]:
        from .plots import plot_fit

        return plot_fit(self, Path(out))


def _num(x):
    x = float(x)
    return x if math.isfinite(x) else None
