"""Analysis helpers: differential capacity (dQ/dV) and its peaks."""

from __future__ import annotations

import numpy as np
from scipy.signal import find_peaks, savgol_filter

from .errors import SibammError


def dqdv(capacity, voltage, dv: float = 0.002, window_v: float = 0.03):
    """Differential capacity dQ/dV of one monotonic (dis)charge segment.

    The capacity is resampled on a uniform voltage grid of spacing ``dv`` (which removes
    the solver's uneven time steps), then differentiated with a Savitzky-Golay filter of
    width ``window_v`` (cubic), which smooths noise but keeps peak positions.

    Parameters
    ----------
    capacity, voltage : array_like
        Cumulative capacity (any unit) and voltage [V] of one segment.
    dv : float
        Voltage grid spacing [V].
    window_v : float
        Smoothing window [V].

    Returns
    -------
    v, dq_dv : numpy.ndarray
        Voltage grid and |dQ/dV| (capacity unit per V).
    """
    q = np.asarray(capacity, dtype=float)
    v = np.asarray(voltage, dtype=float)
    if q.shape != v.shape or q.size < 5:
        raise SibammError("dqdv needs capacity and voltage arrays of equal length (at least 5 points)")
    order = np.argsort(v)
    v_sorted, q_sorted = v[order], q[order]
    v_unique, idx = np.unique(v_sorted, return_index=True)
    q_unique = q_sorted[idx]
    grid = np.arange(v_unique[0], v_unique[-1], dv)
    if grid.size < 7:
        raise SibammError("dqdv: the voltage range is too small for the chosen grid spacing")
    q_grid = np.interp(grid, v_unique, q_unique)
    window = max(5, round(window_v / dv) | 1)
    window = min(window, grid.size - (1 - grid.size % 2))
    deriv = savgol_filter(q_grid, window, 3, deriv=1, delta=dv)
    return grid, np.abs(deriv)


def dqdv_peaks(v, dq, prominence: float = 0.05):
    """Peak voltages of a dQ/dV curve, with prominence relative to the highest peak."""
    dq = np.asarray(dq)
    if dq.size == 0 or dq.max() <= 0:
        return np.array([])
    idx, _ = find_peaks(dq, prominence=prominence * dq.max())
    return np.asarray(v)[idx]


def segment_dqdv(profile, direction: str = "delithiation", si_mass_g: float = 1.0, **kw):
    """dQ/dV of the lithiation or delithiation segment of one saved cycle profile.

    ``profile`` holds ``Time [s]``, ``Current [A]`` and ``Voltage [V]`` (a
    :class:`sibamm.SimulationResult` profile, or a cycler time series of one cycle).
    Lithiation is positive current in a half cell. Returns ``(v, dq_dv)`` in mAh/g/V when
    ``si_mass_g`` is given; extra keywords go to :func:`dqdv`.
    """
    if direction not in ("lithiation", "delithiation"):
        raise SibammError(f"direction must be 'lithiation' or 'delithiation', got {direction!r}")
    t = np.asarray(profile["Time [s]"], dtype=float)
    i = np.asarray(profile["Current [A]"], dtype=float)
    v = np.asarray(profile["Voltage [V]"], dtype=float)
    mask = i > 1e-12 if direction == "lithiation" else i < -1e-12
    if mask.sum() < 5:
        raise SibammError(f"the profile has no {direction} segment")
    dq = np.abs(i) * np.diff(t, prepend=t[0]) / 3.6 / si_mass_g  # mAh/g
    q = np.cumsum(np.where(mask, dq, 0.0))[mask]
    return dqdv(q, v[mask], **kw)


def dqdv_peak_ratio(v, dq, at: float = 0.43, reference: float = 0.30, half_width: float = 0.02) -> float:
    """Height of the dQ/dV maximum within ``at +- half_width`` over that near ``reference``.

    With the defaults this is the c-Li15Si4 marker of a delithiation: the sharp 0.43 V
    two-phase peak against the broad 0.30 V a-LixSi process (Obrovac & Krause 2007).
    """
    v, dq = np.asarray(v), np.asarray(dq)
    near_at = (v > at - half_width) & (v < at + half_width)
    near_ref = (v > reference - half_width) & (v < reference + half_width)
    if not near_at.any() or not near_ref.any():
        raise SibammError(f"the dQ/dV curve does not cover {reference} and {at} V")
    return float(dq[near_at].max() / max(dq[near_ref].max(), 1e-300))
