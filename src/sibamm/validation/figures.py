"""Figures for the validation report (matplotlib, Agg backend)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from ..analysis import dqdv, randles_arc_window, randles_impedance


def _save(fig, path):
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def first_cycle(profile, si_mass_g, path, title):
    """Voltage vs specific capacity and dQ/dV of the first cycle (lithiation, delithiation)."""
    q = profile["Discharge capacity [A.h]"].to_numpy() * 1e3 / si_mass_g
    v = profile["Voltage [V]"].to_numpy()
    i = profile["Current [A]"].to_numpy()
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    lith, delith = i > 1e-12, i < -1e-12
    colors = {"lithiation": "tab:blue", "delithiation": "tab:orange"}
    a.plot(q[lith], v[lith], color=colors["lithiation"], label="lithiation")
    a.plot(
        q[lith].max() - q[delith] if lith.any() else q[delith],
        v[delith],
        color=colors["delithiation"],
        label="delithiation",
    )
    a.set_xlabel("capacity [mAh/g Si]")
    a.set_ylabel("potential vs Li [V]")
    a.legend()
    a.set_title(title)
    top = 1.0
    for mask, label in ((delith, "delithiation"), (lith, "lithiation")):
        if mask.sum() > 10:
            vg, d = dqdv(q[mask], v[mask])
            if label == "delithiation":
                top = 1.5 * d[vg > 0.15].max() if (vg > 0.15).any() else d.max()
            b.plot(vg, d if label == "delithiation" else -d, color=colors[label], label=label)
    b.set_ylim(-4 * top, top)  # the c-Si plateau peak runs off the bottom
    b.set_xlabel("potential vs Li [V]")
    b.set_ylabel("dQ/dV [mAh/g/V]")
    b.set_xlim(0, 1.0)
    b.legend()
    b.set_title("first-cycle dQ/dV")
    return _save(fig, path)


def capacity_ce(table, path, title, capacity="delithiation capacity [mAh/g]"):
    fig, a = plt.subplots(figsize=(7, 4))
    a.plot(table["cycle"], table[capacity], ".", ms=3, label=capacity)
    a.set_xlabel("cycle")
    a.set_ylabel(capacity)
    b = a.twinx()
    b.plot(table["cycle"], table["CE [%]"], "r.", ms=2)
    b.set_ylabel("CE [%]", color="r")
    b.set_ylim(90, 100.5)
    a.set_title(title)
    return _save(fig, path)


def inventory(table, path, title):
    cols = [
        c
        for c in ("C-Li (SEI) [mAh]", "K-Li (disconnected Si) [mAh]", "Li2S (trapped by S) [mAh]")
        if c in table
    ]
    fig, a = plt.subplots(figsize=(7, 4))
    a.stackplot(table["cycle"], *[table[c] for c in cols], labels=cols, alpha=0.8)
    a.plot(table["cycle"], table["Li in active Si [mAh]"], "k-", label="Li left in active Si at cut-off")
    a.set_xlabel("cycle")
    a.set_ylabel("Li [mAh]")
    a.legend(loc="upper left", fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def geometry(profile, path, title):
    sto = profile["Average Si particle stoichiometry"].to_numpy()
    fig, a = plt.subplots(figsize=(7, 4))
    a.plot(sto, profile["X-averaged Si particle outer diameter change [%]"], label="outer diameter")
    a.plot(sto, profile["X-averaged Si particle shell thickness change [%]"], label="shell thickness")
    a.set_xlabel("Si stoichiometry (x in LixSi / 3.75)")
    a.set_ylabel("change vs pristine [%]")
    a.legend()
    a.set_title(title)
    return _save(fig, path)


def thickness(tables: dict, path, title):
    fig, a = plt.subplots(figsize=(7, 4))
    for label, table in tables.items():
        a.plot(table["cycle"], table["electrode thickness change, end of cycle [%]"], label=label)
    a.set_xlabel("cycle")
    a.set_ylabel("electrode thickness change [%]")
    a.legend()
    a.set_title(title)
    return _save(fig, path)


def rate(tables, path, title):
    """Delithiation capacity per cycle of a rate test, the C-rate of each cycle along the bottom.
    ``tables``: one per-cycle table, or {label: table} for several cells run through the same protocol."""
    if not isinstance(tables, dict):
        tables = {None: tables}
    fig, a = plt.subplots(figsize=(7, 4))
    for label, table in tables.items():
        a.plot(table["cycle"], table["delithiation capacity [mAh/g]"], "o-", ms=3, label=label)
    table = next(iter(tables.values()))
    for c, rate_ in zip(table["cycle"], table["C-rate"]):
        a.annotate(f"{rate_:g}C", (c, 0), fontsize=6, ha="center", xycoords=("data", "axes fraction"))
    a.set_xlabel("cycle")
    a.set_ylabel("delithiation capacity [mAh/g]")
    a.set_title(title)
    a.set_ylim(bottom=0)
    if None not in tables:
        a.legend(fontsize=8)
    return _save(fig, path)


def voltage_and_dqdv(profiles: dict, si_mass_g, per_gram_factor, path, title):
    """Voltage curves and delithiation dQ/dV of several cycles (label -> profile).

    Capacities are per gram of secondary particles when ``per_gram_factor`` is the Si mass
    fraction of the particles (1 for per gram of Si).
    """
    from ..analysis import segment_dqdv

    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    for k, (label, prof) in enumerate(profiles.items()):
        color = plt.cm.viridis(k / max(len(profiles) - 1, 1))
        t, i, v = (prof[c].to_numpy() for c in ("Time [s]", "Current [A]", "Voltage [V]"))
        dq = np.abs(i) * np.diff(t, prepend=t[0]) / 3.6 / si_mass_g * per_gram_factor
        for mask, style in ((i > 1e-12, "-"), (i < -1e-12, "--")):
            a.plot(np.cumsum(np.where(mask, dq, 0))[mask], v[mask], style, color=color,
                   label=label if style == "-" else None)  # fmt: skip
        vg, d = segment_dqdv(prof, "delithiation", si_mass_g / per_gram_factor)
        b.plot(vg, d, color=color, label=label)
    a.set_xlabel("capacity [mAh/g]")
    a.set_ylabel("potential vs Li [V]")
    a.set_title(title + ": lithiation (solid), delithiation (dashed)", fontsize=9)
    a.legend(fontsize=8)
    for x in (0.30, 0.43, 0.55):
        b.axvline(x, color="0.8", lw=0.8, zorder=0)
    b.set_xlim(0.1, 0.9)
    b.set_xlabel("potential vs Li [V]")
    b.set_ylabel("delithiation dQ/dV [mAh/g/V]")
    b.set_yscale("log")
    b.set_ylim(bottom=100)
    b.legend(fontsize=8)
    b.set_title("0.43 V: c-Li15Si4; 0.30 / 0.55 V: a-LixSi", fontsize=9)
    return _save(fig, path)


def phase_fraction(profiles: dict, path, title="c-Li15Si4 fraction vs time"):
    """X-averaged c-Li15Si4 fraction over each cycle (label -> profile)."""
    fig, a = plt.subplots(figsize=(7, 4))
    for label, prof in profiles.items():
        t = prof["Time [s]"].to_numpy()
        a.plot((t - t[0]) / 3600, prof["X-averaged Si electrode crystalline Li15Si4 fraction"], label=label)
    a.set_xlabel("time in cycle [h]")
    a.set_ylabel("c-Li15Si4 fraction of the Si")
    a.legend(fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def phase_through_thickness(profile, path, title="c-Li15Si4 across the electrode, pc-SiNP DOD90%"):
    """c-Li15Si4 fraction next to the separator, next to the current collector, and on average."""
    t = profile["Time [s]"].to_numpy()
    fig, a = plt.subplots(figsize=(7, 4))
    base = "Si electrode crystalline Li15Si4 fraction"
    for col, label in (
        (f"{base} near separator", "near the separator"),
        (f"X-averaged {base}", "electrode average"),
        (f"{base} near current collector", "near the current collector"),
    ):
        a.plot((t - t[0]) / 3600, profile[col], label=label)
    a.set_xlabel("time in cycle [h]")
    a.set_ylabel("c-Li15Si4 fraction of the Si")
    a.legend()
    a.set_title(title)
    return _save(fig, path)


def dod_profiles(profiles: dict, si_mass_g, si_fraction, path, title):
    return voltage_and_dqdv(
        {f"DOD{k}%": p for k, p in sorted(profiles.items())}, si_mass_g, si_fraction, path, title
    )


def cycle_profiles(profiles: dict, si_mass_g, si_fraction, path, title):
    return voltage_and_dqdv(
        {f"cycle {k}": p for k, p in sorted(profiles.items())}, si_mass_g, si_fraction, path, title
    )


def conductivity_vs_sulfur(x, pellet, particle, x_c, points, path, title):
    """Si conductivity vs S content: pellet law, single-particle law and the reported ratios."""
    fig, a = plt.subplots(figsize=(7, 4))
    a.semilogy(x, pellet, label="pellet (percolation law)")
    a.semilogy(x, particle, label="single particle (bulk + contact in series)")
    for label, (xp, yp) in points.items():
        a.semilogy([xp], [yp], "o", label=label)
    a.axvline(x_c, color="grey", ls="--", lw=0.8)
    a.annotate("x_c (DFT)", (x_c, 0.95), xycoords=("data", "axes fraction"), fontsize=8)
    a.set_xlabel("S content [at%]")
    a.set_ylabel("conductivity of delithiated Si [S/m]")
    a.legend(fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def diffusivity_vs_stoichiometry(sto, curves: dict, path, title):
    fig, a = plt.subplots(figsize=(7, 4))
    for label, d in curves.items():
        a.semilogy(sto, d, label=label)
    a.set_xlabel("Si stoichiometry (x in LixSi / 3.75)")
    a.set_ylabel("Li diffusivity at 25 C [m2/s]")
    a.legend(fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def first_cycles(profiles: dict, path, title):
    """First-cycle potential vs specific capacity of several cells; ``profiles`` maps a label
    to ``(profile, si_mass_g)``."""
    fig, a = plt.subplots(figsize=(7, 4))
    for k, (label, (profile, mass)) in enumerate(profiles.items()):
        q = profile["Discharge capacity [A.h]"].to_numpy() * 1e3 / mass
        v = profile["Voltage [V]"].to_numpy()
        i = profile["Current [A]"].to_numpy()
        lith, delith = i > 1e-12, i < -1e-12
        color = f"C{k}"
        a.plot(q[lith], v[lith], color=color, label=label)
        a.plot(q[lith].max() - q[delith], v[delith], color=color, ls="--")
    a.set_xlabel("capacity [mAh/g Si] (solid: lithiation, dashed: delithiation)")
    a.set_ylabel("potential vs Li [V]")
    a.set_ylim(0, 1.5)
    a.legend(fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def rate_fractions(fractions: dict, path, title):
    """Fraction of the available capacity filled vs lithiation C-rate; ``fractions`` maps a
    label to ``(c_rates, fractions)``."""
    fig, a = plt.subplots(figsize=(7, 4))
    for label, (rates, frac) in fractions.items():
        a.plot(rates, 100 * np.asarray(frac), "o-", label=label)
    a.set_xscale("log")
    a.set_xlabel("lithiation C-rate (1C = 3.5 A/g)")
    a.set_ylabel("capacity filled / available [%]")
    a.set_ylim(0, 105)
    a.legend()
    a.set_title(title)
    return _save(fig, path)


__all__ = [
    "capacity_ce",
    "conductivity_vs_sulfur",
    "cycle_profiles",
    "diffusivity_vs_stoichiometry",
    "dod_profiles",
    "first_cycle",
    "first_cycles",
    "geometry",
    "inventory",
    "np",
    "phase_fraction",
    "phase_through_thickness",
    "rate",
    "rate_fractions",
    "thickness",
    "voltage_and_dqdv",
]


# --------------------------------------------------------------------------- HAL


def hal_profiles(profiles: dict, path, title, counter_potential: float = 0.62):
    """First-cycle voltage vs capacity in both frames: vs Li-In (the paper's) and vs Li/Li+.

    ``profiles`` maps a label to ``(profile, si_mass_g)``; the profile voltage is vs Li-In."""
    from ..analysis import vs_li

    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharex=True)
    for label, (profile, mass) in profiles.items():
        q = profile["Discharge capacity [A.h]"].to_numpy() * 1e3 / mass
        v = profile["Voltage [V]"].to_numpy()
        i = profile["Current [A]"].to_numpy()
        lith, delith = i > 1e-12, i < -1e-12
        x = np.where(delith, q[lith].max() - q if lith.any() else q, q)
        for a, vv in ((axes[0], v), (axes[1], vs_li(v, counter_potential))):
            (line,) = a.plot(x[lith], vv[lith], label=f"{label} lithiation")
            a.plot(x[delith], vv[delith], "--", color=line.get_color(), label=f"{label} delithiation")
    axes[0].set_ylabel("voltage vs Li-In [V]")
    axes[1].set_ylabel("potential vs Li/Li+ [V]")
    for a, (lo, hi) in zip(axes, ((-0.6, 1.4), (0.02, 2.02))):
        a.axhline(lo, color="grey", lw=0.5)
        a.axhline(hi, color="grey", lw=0.5)
        a.set_xlabel("capacity [mAh/g Si]")
    axes[0].legend(fontsize=7)
    fig.suptitle(title)
    return _save(fig, path)


def loss_split(split: dict, path, title="First-cycle Li loss: C-Li (interface) and K-Li (bulk)"):
    """Bars of simulated vs reported C-Li and K-Li [% of the lithiation capacity] per material."""
    labels = list(split)
    x = np.arange(len(labels))
    fig, a = plt.subplots(figsize=(7, 4))
    w = 0.2
    for k, (key, hatch) in enumerate((("C-Li", ""), ("K-Li", "//"))):
        a.bar(
            x + (2 * k - 1.5) * w, [split[m][key] for m in labels], w, label=f"{key} simulated", hatch=hatch
        )
        a.bar(x + (2 * k - 0.5) * w, [split[m][f"{key} reported"] for m in labels], w, alpha=0.5,
              label=f"{key} reported (NDP/GC)", hatch=hatch)  # fmt: skip
    a.set_xticks(x, labels)
    a.set_ylabel("% of first lithiation capacity")
    a.legend(fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def rct_comparison(simulated: dict, reported: dict, path, title="Charge-transfer resistance (EIS vs model)"):
    """Grouped bars per state; ``simulated``/``reported`` map material -> {state: Ohm}."""
    states = list(next(iter(reported.values())))
    materials = list(reported)
    x = np.arange(len(states))
    w = 0.8 / (2 * len(materials))
    fig, a = plt.subplots(figsize=(8, 4))
    for k, m in enumerate(materials):
        a.bar(x + (2 * k) * w - 0.4, [reported[m][s] for s in states], w, alpha=0.5, label=f"{m} reported")
        a.bar(x + (2 * k + 1) * w - 0.4, [simulated[m].get(s, np.nan) for s in states], w, label=f"{m} model")
    a.set_xticks(x, states, fontsize=8)
    a.set_yscale("log")
    a.set_ylabel("Rct [Ohm]")
    a.legend(fontsize=8)
    a.set_title(title)
    return _save(fig, path)


def impedance_spectra(
    spectra: dict, path, title="Model small-signal impedance at the EIS states", fits=None, reported=None
):
    """Top row: Nyquist plot of each material's high-frequency arc (the points
    :func:`sibamm.analysis.randles_arc_window` keeps), with the fitted R_s + R_ct || CPE dashed and, on the
    real axis, R_s + the reported Rct (``reported``: material -> {state: Ohm}). Bottom row: Z' and -Z'' vs
    frequency over the whole sweep. ``spectra`` maps material -> {state: DataFrame of
    :func:`sibamm.impedance.impedance_spectrum`}; ``fits`` material -> {state: :func:`fit_randles` dict}.
    Each state has its own marker, so states whose spectra coincide stay visible."""
    markers = "os^vDx"
    fig, axes = plt.subplots(2, len(spectra), figsize=(5.5 * len(spectra), 8.5), squeeze=False)
    for col, (material, states) in enumerate(spectra.items()):
        nyquist, bode = axes[0][col], axes[1][col]
        for k, (state, z) in enumerate(states.items()):
            f, re, im = (z[c].to_numpy() for c in ("frequency [Hz]", "Z' [Ohm]", "-Z'' [Ohm]"))
            style = dict(color=f"C{k}", marker=markers[k % len(markers)], ms=6 - (k % 3), mfc="none")
            arc = randles_arc_window(f, im)
            nyquist.plot(re[arc], im[arc], ls="none", label=state, **style)
            fit = (fits or {}).get(material, {}).get(state)
            if fit:
                zf = randles_impedance(np.geomspace(f[arc].min(), f[arc].max(), 200), fit)
                nyquist.plot(zf.real, -zf.imag, "--", color=f"C{k}", lw=0.8)
                rep = (reported or {}).get(material, {}).get(state)
                if rep is not None:
                    nyquist.plot([fit["R_s [Ohm]"] + rep], [0], "|", color=f"C{k}", ms=14, mew=2)
            bode.loglog(f, re, markevery=(k % 3, 3), label=f"{state}: Z'", **style)
            bode.loglog(f, np.clip(im, 1e-3, None), color=f"C{k}", ls=":", label="-Z''" if k == 0 else None)
        nyquist.set_aspect("equal", adjustable="datalim")
        nyquist.set_xlabel("Z' [Ohm]")
        nyquist.set_ylabel("-Z'' [Ohm]")
        nyquist.set_title(
            f"{material}: arcs (dashed: R_s + R_ct||CPE fit; |: R_s + reported Rct)", fontsize=8
        )
        nyquist.legend(fontsize=7)
        bode.set_xlabel("frequency [Hz]")
        bode.set_ylabel("impedance [Ohm]")
        bode.set_ylim(1e-1, None)
        bode.legend(fontsize=7)
    fig.suptitle(title)
    return _save(fig, path)


def cycle_panels(tables: dict, columns, path, title, ylims: dict | None = None):
    """One panel per per-cycle column (e.g. retention and cumulative CE) vs cycle, one line per labelled
    per-cycle table; ``ylims`` maps a column to its (bottom, top)."""
    fig, axes = plt.subplots(1, len(columns), figsize=(5.5 * len(columns), 4), squeeze=False)
    for a, column in zip(axes[0], columns):
        for label, t in tables.items():
            a.plot(t["cycle"], t[column], ".-", ms=2, label=label)
        a.set_xlabel("cycle")
        a.set_ylabel(column)
        if ylims and column in ylims:
            a.set_ylim(*ylims[column])
        a.legend(fontsize=8)
    fig.suptitle(title)
    return _save(fig, path)


def gitt(results: dict, reported: dict, path, title="GITT: relaxed potential and Weppner-Huggins D"):
    """Relaxed potential (vs Li) after each pulse against the charge passed, the transformation-region
    pulses filled, and the apparent D of each pulse with the reported mean of that region. Where the pulse
    table has ``relaxed potential vs Li implied by the reported D [V]``
    (:func:`sibamm.validation.hal.gitt_implied_relaxation`), that curve is dashed.

    ``results`` maps a label to the pulse table of
    :func:`sibamm.validation.hal.gitt_transformation_diffusivity`; ``reported``: label -> D [cm2/s]."""
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    for k, (label, table) in enumerate(results.items()):
        q = table["capacity [mAh/g]"].to_numpy()
        region = table["transformation region"].to_numpy()
        v = table["relaxed potential vs Li [V]"].to_numpy()
        d = table["D [m2/s]"].to_numpy() * 1e4
        implied = "relaxed potential vs Li implied by the reported D [V]"
        if implied in table:
            a.plot(
                q,
                table[implied].to_numpy(),
                "--",
                color=f"C{k}",
                lw=1,
                label=f"{label}: implied by D",
            )
        for ax, y in ((a, v), (b, d)):
            ax.plot(q, y, "-", color=f"C{k}", lw=0.8)
            ax.plot(q[~region], y[~region], "o", ms=4, mfc="none", color=f"C{k}")
            ax.plot(q[region], y[region], "o", ms=4, color=f"C{k}", label=f"{label} (filled: region)")
        if label in reported:
            b.axhline(reported[label], color=f"C{k}", ls="--", lw=1, label=f"{label} reported mean")
    a.set_ylabel("relaxed potential vs Li [V]")
    b.set_ylabel("apparent D [cm2/s]")
    b.set_yscale("log")
    for ax in (a, b):
        ax.set_xlabel("lithiation capacity [mAh/g Si]")
        ax.legend(fontsize=7)
    fig.suptitle(title)
    return _save(fig, path)


def ice_vs_alcl3(fractions, ice, reported: dict, path, title="First-cycle ICE vs AlCl3 fraction"):
    """Simulated ICE over the AlCl3 mass fraction with the reported points."""
    fig, a = plt.subplots(figsize=(6, 4))
    a.plot(100 * np.asarray(fractions), ice, "o-", label="model")
    if reported:
        a.plot([100 * k for k in reported], list(reported.values()), "s", ms=8, mfc="none", label="reported")
    a.set_xlabel("AlCl3 [wt%]")
    a.set_ylabel("ICE [%]")
    a.legend()
    a.set_title(title)
    return _save(fig, path)


def tradeoffs(results, path, title="Trade-off scans: records out of tolerance against records held"):
    """One panel per :class:`~sibamm.validation.tradeoffs.ScanResult`: each target's distance from its
    reported number in tolerances, ``(simulated - reported) / tolerance``, over the scanned parameter;
    within tolerance inside the shaded band, a failed run leaves a gap."""
    from .tradeoffs import distance, key_label

    cols = min(len(results), 2)
    rows = -(-len(results) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6.2 * cols, 4.4 * rows), squeeze=False)
    for a in axes.flat[len(results) :]:
        a.set_visible(False)
    for a, result in zip(axes.flat, results):
        t = result.tradeoff
        x = np.asarray(t.values, dtype=float)
        for k, key in enumerate(t.targets):
            d = [distance(v, result.windows[key]) for v in result.table[key_label(key)]]
            label = ("OUT: " if k == 0 else "held: ") + key[1] + f" ({key[0].removeprefix('hal_')})"
            a.plot(x, np.clip(d, -6, 6), "o-" if k == 0 else "s--", lw=2 if k == 0 else 1, label=label)
        a.axhspan(-1, 1, color="0.85", zorder=0)
        a.axvline(t.shipped, color="k", ls=":", lw=1, label="shipped")
        if x.max() / x.min() >= 10:
            a.set_xscale("log")
            a.minorticks_off()
        a.set_xticks(x, [f"{v:.3g}" for v in x], fontsize=7)
        a.set_ylim(-6.5, 6.5)
        a.set_xlabel(t.parameter, fontsize=8)
        a.set_ylabel("(simulated - reported) / tolerance (clipped at +-6)")
        a.set_title(t.label, fontsize=8)
        a.legend(fontsize=6, loc="best")
    fig.suptitle(title)
    return _save(fig, path)
