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
