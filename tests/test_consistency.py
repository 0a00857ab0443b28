"""Reported numbers checked against each other (validation.consistency): the bounds and the HAL conflicts."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sibamm.errors import SibammError
from sibamm.parameters.cells import get_cell
from sibamm.simulation import simulate
from sibamm.validation import consistency as C
from sibamm.validation.hal import loss_split
from sibamm.validation.records import calibration

HALF, HIGHLOAD = C.HALF, C.HIGHLOAD


def _records(cccv=96.1, c_li=7.5, mean_ce=100.06, kept=72.0, ice=94.3, simulated=None):
    def rec(cell, metric, reported, kind):
        return calibration("hal", cell, "p", metric, "%", reported, simulated, kind, "test")

    return [
        rec(HALF, "initial Coulombic efficiency", ice, "efficiency"),
        rec(HALF, "initial Coulombic efficiency (CC-CV)", cccv, "efficiency"),
        rec(HALF, "C-Li (interface) first-cycle loss", c_li, "split"),
        rec(HIGHLOAD, "capacity retention after 500 cycles at 5.1 mA/cm2", kept, "retention"),
        rec(HIGHLOAD, "average CE at 5.1 mA/cm2", mean_ce, "efficiency_high"),
    ]


def test_the_reported_hal_numbers_rule_out_the_cccv_ice_and_the_high_loading_average_ce():
    conflicts = {c.metric: c for c in C.hal_conflicts(_records())}
    assert set(conflicts) == {"initial Coulombic efficiency (CC-CV)", "average CE at 5.1 mA/cm2"}
    cccv = conflicts["initial Coulombic efficiency (CC-CV)"]
    assert (cccv.ceiling, cccv.needed) == pytest.approx((94.5, 95.1))
    mean = conflicts["average CE at 5.1 mA/cm2"]
    assert mean.ceiling == pytest.approx(100 * (1 + 0.067 / (500 * 0.67)))
    assert mean.ceiling < mean.needed == pytest.approx(100.04)
    assert "\n" not in mean.describe() and mean.cell in mean.describe()
    # the numbers behind each bound are written out (no unformatted placeholder)
    for conflict in conflicts.values():
        assert "{" not in conflict.describe() and "}" not in conflict.describe()
    assert "(6.7%, Si@AlCl3 ICE 94.3 - 1," in mean.describe()


def test_consistent_reported_numbers_give_no_conflict():
    """A CC-CV ICE below 100 - C-Li, and an average CE the first cycle's loss can pay for, are allowed."""
    assert C.hal_conflicts(_records(cccv=92.0, mean_ce=100.01)) == []
    assert C.hal_conflicts(_records()[:1]) == []  # records missing: nothing to check


def test_mean_ce_ceiling_is_what_the_reserve_can_pay_for_exactly():
    """Release the whole reserve evenly over cycles that all hold the minimum capacity: the charge-weighted
    average CE reaches the ceiling, and no more."""
    q1, loss, n, q_min = 10.0, 5.0, 200, 0.8
    lith = np.full(n, q_min * q1)
    delith = lith + (loss / 100 * q1) / n
    assert 100 * delith.sum() / lith.sum() == pytest.approx(C.mean_ce_ceiling(loss, n, q_min), rel=1e-12)


def test_ce_dispersion_is_zero_for_identical_cycles_and_grows_with_scatter():
    ce = np.full(400, 0.999)
    assert C.ce_dispersion(100 * ce.mean(), 100 * ce.prod(), 400) == pytest.approx(0, abs=1e-9)
    rng = np.random.default_rng(0)
    scattered = ce + rng.choice([-0.05, 0.05], 400)
    gap = C.ce_dispersion(100 * scattered.mean(), 100 * scattered.prod(), 400)
    assert gap == pytest.approx(400 * np.var(scattered) / 2, rel=0.1)


@pytest.mark.parametrize(
    "call",
    [
        lambda: C.cccv_ice_ceiling(-1.0),
        lambda: C.mean_ce_ceiling(5.0, 100, 0.0),
        lambda: C.mean_ce_ceiling(5.0, 0, 0.5),
        lambda: C.ce_dispersion(99.9, math.nan, 100),
    ],
)
def test_bad_bound_input_gives_one_line_errors(call):
    with pytest.raises(SibammError) as err:
        call()
    assert "\n" not in str(err.value) and "must be a number in" in str(err.value)


def test_the_model_obeys_the_cccv_ceiling_the_hold_returns_only_li_left_in_the_si():
    """Li conservation behind :func:`cccv_ice_ceiling`, in the model: the CV hold delivers no more than the
    CC delithiation left in the Si, and the interface loss (C-Li) is the same with and without the hold."""
    cells = get_cell(HALF).values()
    runs = {p: simulate(HALF, p, progress=False) for p in ("hal_first_cycle", "hal_first_cycle_cccv")}
    cc, cv = (runs[p].table.iloc[0] for p in runs)
    mass = runs["hal_first_cycle"].parameters["Si mass [g]"]
    extra_mah = (cv["delithiation capacity [mAh/g]"] - cc["delithiation capacity [mAh/g]"]) * mass
    assert 0 < extra_mah <= cc["Li in active Si [mAh]"] * (1 + 1e-6)
    c_li = {p: loss_split(r.table, cells, mass)["C-Li"] for p, r in runs.items()}
    assert c_li["hal_first_cycle_cccv"] == pytest.approx(c_li["hal_first_cycle"], abs=0.01)
    assert cv["CE [%]"] <= C.cccv_ice_ceiling(c_li["hal_first_cycle"]) + 100 * cc["Li in active Si [mAh]"] / (
        cc["lithiation capacity [mAh/g]"] * mass
    )


def test_dispersion_note_takes_the_least_scatter_both_windows_allow():
    """Si@AlCl3's pair (99.998 +- 0.02, 88.5 +- 5) is met by identical cycles; uSi's (99.945 +- 0.02,
    39.2 +- 5) needs the lowest average with the highest product: 400 ln(0.99925) - ln(0.442)."""

    def pair(cell, mean, product):
        return [
            calibration("hal", cell, "p", "average CE at 10.5 A/g", "%", mean, None, "efficiency_high", "t"),
            calibration(
                "hal",
                cell,
                "p",
                "cumulative CE over 400 cycles at 10.5 A/g",
                "%",
                product,
                None,
                "retention",
                "t",
            ),
        ]

    assert "identical cycles can meet both" in C.dispersion_note(pair(HALF, 99.998, 88.5), HALF, "Si@AlCl3")
    note = C.dispersion_note(pair("hal_si_half", 99.945, 39.2), "hal_si_half", "uSi")
    needed = 400 * math.log(0.99925) - math.log(0.442)
    assert f"at least {needed:.3f}" in note and f"{100 * math.sqrt(2 * needed / 400):.1f} pp" in note
    assert C.dispersion_note(pair(HALF, 99.998, 88.5)[:1], HALF, "Si@AlCl3") is None
