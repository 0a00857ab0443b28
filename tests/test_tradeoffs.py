"""Trade-off scans (validation/tradeoffs.py): how scanned values are judged; the HAL trade-offs' physics."""

from __future__ import annotations

import numpy as np
import pytest

from sibamm.parameters.materials import HAL_DEEPEST_LITHIATION_GALLERY, hal_lithiation_ocp
from sibamm.parameters.si_ocp import branch_value
from sibamm.validation import hal
from sibamm.validation.records import calibration, in_window
from sibamm.validation.tradeoffs import Tradeoff, distance, scan


def _records():
    # out at the shipped value 1.0: a = 3 x, reported 4.5 +- 1 (in for x in [7/6, 11/6])
    # held at 1.0:                 b = 10 - x, reported 9 +- 1 (in for x in [0, 2])
    return [
        calibration("t", "c", "p", "a", "-", 4.5, 3.0, "efficiency", "s"),
        calibration("t", "c", "p", "b", "-", 9.0, 9.0, "efficiency", "s"),
    ]


def _tradeoff(values, b=lambda x: 10 - x):
    return Tradeoff(
        "a against b", "x [-]", values, 1.0, (("c", "a"), ("c", "b")),
        lambda x: {"x": x}, lambda ov: {("c", "a"): 3 * ov["x"], ("c", "b"): b(ov["x"])},
    )  # fmt: skip


def test_scan_judges_each_value_by_the_records_windows():
    result = scan(_tradeoff((1.0, 1.5, 3.0)), _records())
    assert result.within[("c", "a")] == [False, True, False]
    assert result.within[("c", "b")] == [True, True, False]
    assert result.holding_all() == [1.5]
    assert list(result.table["all within"]) == [False, True, False]
    assert "1.5 hold(s) all of them" in result.note()


def test_scan_says_when_no_value_holds_all():
    result = scan(_tradeoff((1.0, 1.5, 3.0), b=lambda x: 10 - 4 * x), _records())  # b in only for x <= 0.5
    assert result.holding_all() == []
    assert "no scanned value holds all of them" in result.note()


def test_a_failed_run_is_never_within_and_has_no_distance():
    result = scan(_tradeoff((1.5,), b=lambda x: None), _records())
    assert result.within[("c", "b")] == [False]
    assert np.isnan(distance(None, (9.0, 1.0, "within")))
    assert distance(10.0, (9.0, 1.0, "within")) == pytest.approx(1.0)


def test_scan_without_the_records_returns_none():
    assert scan(_tradeoff((1.0,)), _records()[:1]) is None


def test_in_window_matches_the_records_verdicts():
    for comparison, value, ok in (("within", 9.5, True), ("within", 10.5, False), ("upper bound", 8, True),
                                  ("upper bound", 9.5, False), ("lower bound", 9.5, True)):  # fmt: skip
        assert in_window(9.0, 1.0 if comparison == "within" else 0.0, comparison, value) is ok
    assert in_window(9.0, 1.0, "within", float("nan")) is False


def test_hal_lithiation_ocp_moves_only_its_deepest_gallery():
    """The scanned OCP: the shipped branch at the shipped potential; a lower deepest gallery lowers the
    potential only at the lithiated end (the last 15% of the capacity)."""
    shipped, lower = hal_lithiation_ocp(), hal_lithiation_ocp(0.02)
    assert shipped.galleries == hal_lithiation_ocp(HAL_DEEPEST_LITHIATION_GALLERY).galleries
    mid, end = 0.4, 0.95
    assert branch_value(lower, mid) == pytest.approx(branch_value(shipped, mid), abs=2e-3)
    assert branch_value(lower, end) < branch_value(shipped, end) - 0.02


def test_every_hal_tradeoff_scans_its_shipped_value_and_starts_with_an_out_record():
    for t in hal.tradeoffs():
        assert any(np.isclose(v, t.shipped) for v in t.values), t.label
        assert len(t.targets) >= 2, t.label


def test_tradeoff_figure_has_a_panel_per_scan(tmp_path):
    from sibamm.validation import figures

    results = [scan(_tradeoff((1.0, 1.5, 3.0)), _records()), scan(_tradeoff((0.5, 20.0)), _records())]
    path = figures.tradeoffs(results, tmp_path / "t.png")
    assert path.exists() and path.stat().st_size > 10_000
