"""The comparison report: a table per design, grouped bars per metric, Pareto fronts of ICE and
cycle life against energy, a Ragone plot and swelling against cycle life.

:func:`report_section` returns Markdown lines that the validation report includes;
:func:`write_report` writes them as ``COMPARE.md`` with the figures beside it.
"""

from __future__ import annotations

import datetime
import math
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from .metrics import METRICS
from .stack import STACK

TABLE_METRICS = (
    "ICE",
    "reversible capacity",
    "reversible areal capacity",
    "specific energy",
    "energy density",
    "capacity retained at 1C",
    "capacity retained at 3C",
    "retention at end",
    "cycles to 80%",
    "electrode swelling, lithiated",
    "C-Li (SEI)",
    "K-Li (disconnected Si)",
)
BAR_GROUPS = (
    (
        "efficiency and rate [%]",
        ("ICE", "capacity retained at 1C", "capacity retained at 3C", "retention at end"),
    ),
    ("stack energy", ("specific energy", "energy density")),
    ("swelling and Li loss [%]", ("electrode swelling, lithiated", "C-Li (SEI)", "K-Li (disconnected Si)")),
)


def _ok(records):
    return [r for r in records if r["status"] != "failed" and r["metrics"]]


def _fmt(x):
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "n/a"
    return f"{x:.4g}"


def _cell(text) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _save(fig, path):
    fig.tight_layout()
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return path


def _colors(n):
    cmap = plt.get_cmap("tab10" if n <= 10 else "tab20")
    return [cmap(i % cmap.N) for i in range(n)]


def grouped_bars(records, path):
    recs = _ok(records)
    fig, axes = plt.subplots(1, len(BAR_GROUPS), figsize=(5 * len(BAR_GROUPS), 4.2))
    colors = _colors(len(recs))
    width = 0.8 / max(len(recs), 1)
    for ax, (title, names) in zip(axes, BAR_GROUPS):
        for j, r in enumerate(recs):
            ys = [r["metrics"].get(n) for n in names]
            xs = [i + (j - (len(recs) - 1) / 2) * width for i in range(len(names))]
            ax.bar(xs, [y if y is not None else 0 for y in ys], width, color=colors[j], label=r["label"])
        ax.set_xticks(range(len(names)))
        ax.set_xticklabels([textwrap.fill(n, 14) + f"\n[{METRICS[n][0]}]" for n in names], fontsize=7)
        ax.set_title(title, fontsize=9)
    axes[-1].legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    return _save(fig, path)


def _marker(record):
    return "s" if record["axes"].get("cell") == "full" else "o"


def _face(record, color):
    """Full cells filled; half cells (energy paired with a nominal cathode) open."""
    return color if record["axes"].get("cell") == "full" else "none"


def pareto_front(points):
    """Indices of the points not dominated when both coordinates are to be maximised."""
    front = []
    for i, (x, y) in enumerate(points):
        if x is None or y is None:
            continue
        dominated = any(
            (x2 is not None and y2 is not None and x2 >= x and y2 >= y and (x2 > x or y2 > y))
            for j, (x2, y2) in enumerate(points)
            if j != i
        )
        if not dominated:
            front.append(i)
    return sorted(front, key=lambda i: points[i][0])


def _cycle_life(m):
    """Cycles to 80% when reached, else the retention at the end of the run."""
    return (
        ("cycles to 80%", m["cycles to 80%"])
        if m.get("cycles to 80%") is not None
        else ("retention at end", m.get("retention at end"))
    )


def pareto_plots(records, path):
    recs = _ok(records)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    colors = _colors(len(recs))
    life_names = {_cycle_life(r["metrics"])[0] for r in recs}
    life_name = "cycles to 80%" if life_names == {"cycles to 80%"} else "retention at end"
    for ax, y_name in zip(axes, ("ICE", life_name)):
        pts = [(r["metrics"].get("specific energy"), r["metrics"].get(y_name)) for r in recs]
        for j, (x, y) in enumerate(pts):
            if x is not None and y is not None:
                ax.scatter(
                    x,
                    y,
                    color=colors[j],
                    s=40,
                    label=recs[j]["label"],
                    zorder=3,
                    marker=_marker(recs[j]),
                    facecolors=_face(recs[j], colors[j]),
                )
        front = pareto_front(pts)
        if front:
            ax.plot([pts[i][0] for i in front], [pts[i][1] for i in front], "k--", lw=1, label="Pareto front")
        ax.set_xlabel("stack specific energy at 0.1C [Wh/kg] (open: half cell + nominal cathode)")
        ax.set_ylabel(f"{y_name} [{METRICS[y_name][0]}]")
    axes[0].legend(fontsize=6)
    return _save(fig, path)


def ragone(records, path):
    recs = _ok(records)
    fig, ax = plt.subplots(figsize=(6, 4.5))
    for j, r in enumerate(recs):
        pts = [p for p in r["ragone"] if p.get("specific power [W/kg]")]
        if not pts:
            continue
        xs = [p["specific energy [Wh/kg]"] for p in pts]
        ys = [p["specific power [W/kg]"] for p in pts]
        c = _colors(len(recs))[j]
        ax.plot(xs, ys, "-", color=c, marker=_marker(r), markerfacecolor=_face(r, c), label=r["label"])
        for p, x, y in zip(pts, xs, ys):
            ax.annotate(p["rate"], (x, y), fontsize=6, xytext=(3, 3), textcoords="offset points")
    ax.set_yscale("log")
    ax.set_xlabel("stack specific energy [Wh/kg]")
    ax.set_ylabel("stack specific power [W/kg]")
    ax.set_title("Ragone: 0.1C, 1C, 3C discharge", fontsize=9)
    ax.legend(fontsize=6)
    return _save(fig, path)


def swelling_vs_life(records, path):
    recs = _ok(records)
    fig, ax = plt.subplots(figsize=(6, 4.5))
    for j, r in enumerate(recs):
        m = r["metrics"]
        x, y = m.get("electrode swelling, lithiated"), m.get("retention at end")
        if x is not None and y is not None:
            c = _colors(len(recs))[j]
            ax.scatter(x, y, color=c, s=40, label=r["label"], marker=_marker(r), facecolors=_face(r, c))
    ax.set_xlabel("largest lithiated electrode thickness change [%]")
    ax.set_ylabel("capacity retention at the end of the run [%]")
    ax.legend(fontsize=6)
    return _save(fig, path)


def figures(records, out: Path, prefix: str = "compare") -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if not _ok(records):
        return []
    return [
        grouped_bars(records, out / f"{prefix}_bars.png"),
        pareto_plots(records, out / f"{prefix}_pareto.png"),
        ragone(records, out / f"{prefix}_ragone.png"),
        swelling_vs_life(records, out / f"{prefix}_swelling_vs_life.png"),
    ]


def report_section(records, out, title="Design comparison", level=2, meta: dict | None = None) -> list[str]:
    """Markdown lines (tables and figure links) for ``records``; figures are written to ``out``."""
    h = "#" * level
    figs = figures(records, out)
    ok, failed = _ok(records), [r for r in records if r["status"] == "failed" or not r["metrics"]]
    lines = [f"{h} {title}", ""]
    if meta:
        lines += [f"- {k}: {v}" for k, v in meta.items()] + [""]
    lines += [
        f"{len(records)} designs: {len(ok)} with results, {len(failed)} failed. Protocol per design: "
        + "; ".join(sorted({r["details"].get("protocol", "") for r in ok if r.get("details")})),
        "",
        "| design | status | " + " | ".join(f"{n} [{METRICS[n][0]}]" for n in TABLE_METRICS) + " |",
        "|---|---|" + "---|" * len(TABLE_METRICS),
    ]
    for r in ok:
        lines.append(
            f"| {_cell(r['label'])} | {r['status']} | "
            + " | ".join(_fmt(r["metrics"].get(n)) for n in TABLE_METRICS)
            + " |"
        )
    lines.append("")
    if failed:
        lines += [f"{h}# Failed designs", "", "| design | reason |", "|---|---|"]
        lines += [f"| {_cell(r['label'])} | {_cell(r['reason'])} |" for r in failed] + [""]
    partial = [r for r in ok if r["status"] != "completed"]
    for r in partial:
        lines.append(f"- {r['label']}: {r['status']} ({r['reason']}); metrics from the finished cycles.")
    lines += [
        "",
        "How to read it:",
        "- ICE and reversible capacity: 0.1C formation. Capacity retained at 1C/3C: symmetric 1C/3C cycle "
        "over the formation delithiation capacity. Retention at end: last cycle over the first 1C cycle; "
        "cycles to 80%: 1C cycles until below 80% of the first (n/a: not reached within the run).",
        "- Stack energy: one repeat unit of a double-side-coated stack without packaging (half of each foil, "
        "separator, electrolyte in all pores, both coatings), at the 0.1C formation discharge; the Si "
        "coating counts at its largest lithiated thickness (Wh/L). Half cells: the same Si electrode paired "
        "with a nominal cathode that supplies the first-lithiation charge (see `energy basis` in the JSON).",
        "- Stack constants: "
        + "; ".join(f"{k} = {v.value:g} ({v.kind}: {v.source})" for k, v in STACK.items()),
        "- Li split: % of the first lithiation charge at the end of the run.",
        "",
    ]
    for fig in figs:
        lines += [f"![{Path(fig).stem}]({Path(fig).name})", ""]
    return lines


def write_report(records, out, meta: dict | None = None) -> Path:
    """Write ``out/COMPARE.md`` and its figures; return the Markdown path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    lines = [
        "# sibamm design comparison",
        "",
        f"Generated by `sibamm compare` on {datetime.date.today().isoformat()}; every number below comes "
        "from the results store of that run.",
        "",
        *report_section(records, out, title="Results", meta=meta),
    ]
    path = out / "COMPARE.md"
    path.write_text("\n".join(lines) + "\n")
    return path
