"""Reported numbers checked against each other: records that no Li-conserving model can meet together.

A model that conserves Li can return in a delithiation only Li that went in and was not consumed.
Two consequences bound what any such model (sibamm's or another) can reach, whatever its parameters:

* :func:`cccv_ice_ceiling`: Li that interface reactions consumed during the lithiation does not come
  back in a CV hold at the end of the delithiation, so ``ICE(CC-CV) <= 100 - C-Li``.
* :func:`mean_ce_ceiling`: over ``N`` cycles a half cell's Si can give out more Li than it takes only
  from Li it holds in reserve, at most what its first cycle did not return, so the charge-weighted
  average CE ``sum(delithiation) / sum(lithiation)`` is at most ``100 (1 + loss / (N q_min))``.

:func:`hal_conflicts` applies them to the HAL records (the paper measured these numbers on separate
cells). :func:`ce_dispersion` is a diagnostic, not a bound: how much cycle-to-cycle scatter of the CE a
pair (average CE, product of CEs) implies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import SibammError


@dataclass(frozen=True)
class Conflict:
    """A calibration record that no Li-conserving model can meet together with the records it names."""

    cell: str
    metric: str
    ceiling: float  # the highest value a Li-conserving model can reach [%]
    needed: float  # the lower edge of the record's tolerance window [%]
    reason: str

    def describe(self) -> str:
        return (
            f"{self.cell}, {self.metric}: at most {self.ceiling:.6g}% for any Li-conserving model, "
            f"the tolerance window starts at {self.needed:.6g}%. {self.reason}"
        )


def _check(name: str, value: float, low: float, high: float = math.inf) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise SibammError(f"{name} = {value!r} must be a number in [{low}, {high}]")
    return float(value)


def cccv_ice_ceiling(interface_loss: float) -> float:
    """Highest first-cycle CE [%] a CV hold can give when interface reactions consumed
    ``interface_loss`` [% of the lithiation capacity] (C-Li) in the lithiation."""
    return 100.0 - _check("interface loss [%]", interface_loss, 0.0, 100.0)


def mean_ce_ceiling(first_cycle_loss: float, cycles: int, min_capacity_fraction: float) -> float:
    """Highest charge-weighted average CE [%] over ``cycles`` cycles of a half cell whose Si holds at
    most ``first_cycle_loss`` [% of the first cycle's capacity] in reserve and whose cycle capacity
    never falls below ``min_capacity_fraction`` of the first cycle's."""
    loss = _check("first-cycle loss [%]", first_cycle_loss, 0.0, 100.0)
    n = _check("cycles", cycles, 1)
    q_min = _check("minimum capacity fraction", min_capacity_fraction, 1e-9, 1.0)
    return 100.0 * (1 + loss / 100 / (n * q_min))


def ce_dispersion(mean_ce: float, cumulative_ce: float, cycles: int) -> float:
    """``N ln(mean CE) - ln(product of CEs)`` (CEs as fractions): 0 when every cycle has the same CE
    and positive with cycle-to-cycle scatter (Jensen); about ``N var(CE) / 2`` for small scatter."""
    m = _check("average CE [%]", mean_ce, 1e-9)
    p = _check("cumulative CE [%]", cumulative_ce, 1e-9)
    return _check("cycles", cycles, 1) * math.log(m / 100) - math.log(p / 100)


def _find(records, cell: str, metric: str):
    """The calibration record of ``cell`` for ``metric`` (None if absent); a run that stopped early
    tags the metric with " (run stopped after N cycles)"."""
    for r in records:
        named = r.metric == metric or r.metric.startswith(metric + " (run stopped")
        if r.cell == cell and named and r.role == "calibration":
            return r
    return None


def _low(record) -> float:
    return record.reported - record.tolerance


HALF, HIGHLOAD = "hal_alcl3_10_half", "hal_alcl3_highload_half"
#: cycles behind the high-loading average CE (5.1 mA/cm2, after the activation cycle)
HIGHLOAD_CYCLES = 500


def hal_conflicts(records) -> list[Conflict]:
    """The HAL calibration records that the other reported HAL numbers rule out (see the module)."""
    out = []
    cccv = _find(records, HALF, "initial Coulombic efficiency (CC-CV)")
    c_li = _find(records, HALF, "C-Li (interface) first-cycle loss")
    if cccv and c_li:
        ceiling = cccv_ice_ceiling(_low(c_li))
        if ceiling < _low(cccv):
            out.append(Conflict(
                cccv.cell, cccv.metric, ceiling, _low(cccv),
                f"Its C-Li ({c_li.reported:g} +- {c_li.tolerance:g}% of the lithiation) is consumed "
                "before the hold and does not come back in it: ICE(CC-CV) <= 100 - C-Li. The paper "
                "measured the two on separate cells; sibamm keeps the C-Li record and reports this one "
                "as out.",
            ))  # fmt: skip
    mean = _find(records, HIGHLOAD, "average CE at 5.1 mA/cm2")
    kept = _find(records, HIGHLOAD, "capacity retention after 500 cycles at 5.1 mA/cm2")
    ice = _find(records, HALF, "initial Coulombic efficiency")
    if mean and kept and ice:
        loss, q_min = 100 - _low(ice), _low(kept) / 100
        ceiling = mean_ce_ceiling(loss, HIGHLOAD_CYCLES, q_min)
        if ceiling < _low(mean):
            out.append(Conflict(
                mean.cell, mean.metric, ceiling, _low(mean),
                f"Over {HIGHLOAD_CYCLES} cycles the Si can give out more Li than it takes only from its "
                f"reserve: at most the first cycle's loss ({loss:.3g}%, Si@AlCl3 ICE {ice.reported:g} - "
                f"{ice.tolerance:g}, all of it taken as releasable), spread over cycles of at least "
                f"{q_min:.2f} of the first (retention {kept.reported:g} - {kept.tolerance:g}%, fading "
                "monotonically; the activation and the 5.1 mA/cm2 cycles taken to hold the same capacity, "
                "> 10 mAh/cm2 in the paper). "
                "The reported value needs an anodic side current or Li from the counter electrode "
                "(not modelled). Bound for the charge-weighted average CE.",
            ))  # fmt: skip
    return out


def dispersion_note(records, cell: str, label: str, cycles: int = 400) -> str | None:
    """How much cycle-to-cycle CE scatter the reported 10.5 A/g pair (average CE, product of CEs) of
    ``cell`` needs at least, next to the model's (:func:`ce_dispersion`)."""
    mean = _find(records, cell, "average CE at 10.5 A/g")
    product = _find(records, cell, f"cumulative CE over {cycles} cycles at 10.5 A/g")
    if not (mean and product):
        return None
    # the least scatter the two tolerance windows allow: the lowest average with the highest product
    needed = ce_dispersion(mean.reported - mean.tolerance, product.reported + product.tolerance, cycles)
    text = (
        f"{label} at 10.5 A/g: the reported average CE ({mean.reported:g} +- {mean.tolerance:g}%) and "
        f"product of CEs ({product.reported:g} +- {product.tolerance:g}%) over {cycles} cycles need a "
        f"Jensen gap N ln(mean) - ln(product) of at least {needed:.3f} (0 when every cycle has the same CE, "
        "~N var(CE)/2 with scatter)"
    )
    if needed > 0:
        text += f", an RMS cycle-to-cycle CE scatter of about {100 * math.sqrt(2 * needed / cycles):.1f} pp"
    else:
        text += ": identical cycles can meet both"
    full_run = mean.metric == "average CE at 10.5 A/g" and not product.metric.endswith(")")
    if full_run and mean.simulated and product.simulated:
        model = ce_dispersion(mean.simulated, product.simulated, cycles)
        text += f"; the model's gap is {model:.3f}"
    return text + "."
