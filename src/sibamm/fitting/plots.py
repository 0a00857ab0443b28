"""Fit figures: fit vs data, residuals, profile likelihoods."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from .targets import CycleTableTarget, ScalarTarget, TimeSeriesTarget


def plot_fit(result, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    sim = result.simulation
    curves = [t for t in result.target_objects if isinstance(t, TimeSeriesTarget)]
    tables = [t for t in result.target_objects if isinstance(t, CycleTableTarget)]
    scalars = [t for t in result.target_objects if isinstance(t, ScalarTarget)]
    if sim is not None and (curves or tables):
        fig, axes = plt.subplots(2, 1, figsize=(8, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
        for t in curves:
            times, measured, simulated = t.curves(sim)
            time_h = (times - times[0]) / 3600
            axes[0].plot(time_h, measured, ".", ms=2, color="k", label=f"data ({t.source})")
            axes[0].plot(time_h, simulated, "-", color="C1", lw=1, label="fit")
            axes[1].plot(time_h, 1000 * (simulated - measured), "-", color="C1", lw=0.8)
            axes[0].set_ylabel("Voltage [V]")
            axes[1].set_ylabel("residual [mV]")
            axes[1].set_xlabel("time [h]")
        for t in tables:
            cycles = t.table["cycle"].to_numpy()
            simulated = t.simulated_values(sim)
            axes[0].plot(cycles, t.table[t.column], "o", color="k", ms=3, label=f"data {t.column}")
            axes[0].plot(cycles, simulated, "-", color="C1", label=f"fit {t.column}")
            axes[1].plot(cycles, t.residuals(sim, None), "o-", ms=3, color="C1")
            axes[0].set_ylabel(t.column)
            axes[1].set_ylabel("residual (relative)" if t.relative else "residual [pp]")
            axes[1].set_xlabel("cycle")
        axes[0].legend(fontsize=8)
        axes[0].set_title(f"{result.base_cell} {result.protocol}: fit vs data (cost {result.cost:.3g})")
        fig.tight_layout()
        paths.append(out / "fit_vs_data.png")
        fig.savefig(paths[-1], dpi=120)
        plt.close(fig)
    if scalars:
        reached = [t for t in result.targets if "value" in t]
        fig, ax = plt.subplots(figsize=(8, 0.5 + 0.45 * len(reached)))
        names = [t["name"] for t in reached]
        z = [(t["residual"] / t["sigma"]) if t.get("residual") is not None else np.nan for t in reached]
        ax.barh(names, z, color=["C2" if abs(v) <= 1 else "C3" for v in np.nan_to_num(z, nan=9)])
        ax.axvline(-1, ls=":", color="grey")
        ax.axvline(1, ls=":", color="grey")
        ax.set_xlabel("residual / sigma (simulated - reported)")
        ax.set_title("scalar targets at the fitted values")
        fig.tight_layout()
        paths.append(out / "residuals.png")
        fig.savefig(paths[-1], dpi=120)
        plt.close(fig)
    if result.profiles:
        n = len(result.profiles)
        fig, axes = plt.subplots(1, n, figsize=(max(4 * n, 6), 3.4), squeeze=False)
        for ax, (name, prof) in zip(axes[0], result.profiles.items()):
            ax.plot(prof["values"], prof["delta cost"], "o-")
            ax.axvline(result.parameters[name], color="C1", ls="--", label="fit")
            if result.transforms[name] == "log":
                ax.set_xscale("log")
            ax.set_xlabel(name, fontsize=8)
            ax.set_ylabel("cost - best cost")
            ax.legend(fontsize=8)
        fig.suptitle("profile likelihoods (other parameters re-optimised)")
        fig.tight_layout()
        paths.append(out / "profiles.png")
        fig.savefig(paths[-1], dpi=120)
        plt.close(fig)
    return paths
