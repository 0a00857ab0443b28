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


# --------------------------------------------------------------------------- GITT, DC polarisation, frames


def gitt_pulses(time, current, voltage, threshold: float = 1e-12):
    """Split a GITT record into pulses and their relaxations.

    Returns one row per current pulse with ``tau [s]`` (pulse duration), ``dEt [V]`` (voltage
    change during the pulse) and ``dEs [V]`` (change of the relaxed voltage: from the last point
    before the pulse to the end of the rest that follows it), both signed so that they are
    positive for a pulse that moves the voltage in the direction its current drives it
    (lithiation of a half cell: voltage falls). The first point of a pulse already carries the
    pulse current, so ``dEt`` excludes the instantaneous IR step, as Weppner and Huggins require.
    """
    import pandas as pd

    t = np.asarray(time, dtype=float)
    i = np.asarray(current, dtype=float)
    v = np.asarray(voltage, dtype=float)
    if not (t.shape == i.shape == v.shape) or t.ndim != 1 or t.size < 3:
        raise SibammError("gitt_pulses needs time, current and voltage arrays of equal length (>= 3 points)")
    on = np.abs(i) > threshold
    edges = np.flatnonzero(np.diff(on.astype(int)))
    starts = [0] if on[0] else []
    starts += [k + 1 for k in edges if not on[k]]
    rows = []
    for s in starts:
        e = s
        while e + 1 < t.size and on[e + 1]:
            e += 1
        nxt = e + 1
        while nxt < t.size and not on[nxt]:
            nxt += 1
        rest_end = nxt - 1
        if rest_end <= e:  # no rest after the pulse
            continue
        sign = np.sign(np.mean(i[s : e + 1]))
        before = v[s - 1] if s > 0 else v[s]
        rows.append(
            {
                "start [s]": t[s],
                "tau [s]": t[e] - t[s],
                "dEt [V]": sign * (v[s] - v[e]),
                "dEs [V]": sign * (before - v[rest_end]),
                "charge [A.s]": float(np.trapezoid(i[s : e + 1], t[s : e + 1])),
                "relaxed voltage [V]": v[rest_end],
            }
        )
    return pd.DataFrame(rows)


def gitt_diffusivity(time, current, voltage, length: float, threshold: float = 1e-12):
    """Apparent Li diffusivity of each GITT pulse (Weppner & Huggins, J. Electrochem. Soc. 124 1569, 1977).

    ``D = 4 / (pi tau) (V/S)^2 (dEs / dEt)^2``, valid for ``tau << (V/S)^2 / D``. ``length`` is the
    diffusion length ``V/S``: the film thickness for a dense film that takes Li through one face (HAL),
    ``(R^3 - R_in^3) / (3 R^2)`` for a hollow sphere (QMS), ``R/3`` for a solid sphere.

    Returns the :func:`gitt_pulses` table with a ``D [m2/s]`` column (NaN where ``dEt <= 0``).

    Validity: where the pulse outlasts the diffusion time (``tau >> L^2 / D``) the composition evens out
    during the pulse, ``dEs -> dEt`` and the formula returns its ceiling :func:`weppner_huggins_limit`
    whatever the true D; on a flat two-phase plateau ``dEs -> 0`` and it returns ~0. Both are apparent
    values, not transport coefficients.
    """
    if not (isinstance(length, (int, float)) and length > 0 and np.isfinite(length)):
        raise SibammError(f"GITT diffusion length must be a positive number of metres, got {length!r}")
    table = gitt_pulses(time, current, voltage, threshold)
    if table.empty:
        raise SibammError("the GITT record has no current pulse followed by a rest")
    ok = (table["tau [s]"] > 0) & (table["dEt [V]"] > 0)
    d = 4 / (np.pi * table["tau [s]"]) * length**2 * (table["dEs [V]"] / table["dEt [V]"]) ** 2
    table["D [m2/s]"] = np.where(ok, d, np.nan)
    return table


def weppner_huggins_limit(length: float, tau: float) -> float:
    """Largest D [m2/s] the Weppner-Huggins formula can return for diffusion length ``length`` [m] and
    pulse duration ``tau`` [s]: ``4 L^2 / (pi tau)`` (``dEs = dEt``). A reported GITT value above it
    rules that length out."""
    if not (length > 0 and tau > 0):
        raise SibammError(f"length ({length!r} m) and pulse duration ({tau!r} s) must be positive")
    return 4 * length**2 / (np.pi * tau)


def weppner_huggins_steady_change(transient_change, diffusivity: float, length: float, tau):
    """Steady-state potential change ``dEs`` [V] that a pulse with transient change ``dEt`` [V] must show for
    the Weppner-Huggins formula (:func:`gitt_diffusivity`) to return ``diffusivity`` [m2/s]:
    ``dEs = dEt sqrt(pi tau D / 4) / L``, capped at ``dEt`` (no D above :func:`weppner_huggins_limit`).

    It turns a reported D into what it says about the measured curve: with the same transients, how far the
    relaxed potential must move per pulse."""
    if not (diffusivity > 0 and length > 0):
        raise SibammError(f"diffusivity ({diffusivity!r} m2/s) and length ({length!r} m) must be positive")
    dEt = np.asarray(transient_change, dtype=float)
    ratio = np.sqrt(np.pi * np.asarray(tau, dtype=float) * diffusivity / 4) / length
    return dEt * np.minimum(ratio, 1.0)


def dc_polarisation_conductivity(voltage, current, thickness: float, area: float) -> float:
    """Electronic conductivity [S/m] from a DC polarisation I-V with ion-blocking electrodes.

    Fits the steady currents to ``I = V / R`` through the origin (least squares) and returns
    ``sigma = thickness / (R area)``: the measurement the HAL paper reports (uSi 1.98e-7 S/cm).
    """
    v = np.asarray(voltage, dtype=float)
    i = np.asarray(current, dtype=float)
    if v.shape != i.shape or v.size < 1 or not np.all(np.isfinite(v)) or not np.all(np.isfinite(i)):
        raise SibammError(
            "dc_polarisation_conductivity needs finite voltage and current arrays of equal length"
        )
    if not (thickness > 0 and area > 0):
        raise SibammError(f"thickness ({thickness!r} m) and area ({area!r} m2) must be positive")
    g = float(np.dot(v, i) / np.dot(v, v)) if np.dot(v, v) > 0 else float("nan")
    if not g > 0:
        raise SibammError(
            "the I-V record has no positive conductance (all voltages zero or currents reversed)"
        )
    return thickness * g / area


def randles_arc_window(frequency, minus_z_imag) -> np.ndarray:
    """Mask of the points of a spectrum that belong to its high-frequency arc: from the highest frequency
    down to the first local minimum of ``-Z''`` below the arc's apex (where diffusion takes over)."""
    f = np.asarray(frequency, dtype=float)
    im = np.asarray(minus_z_imag, dtype=float)
    order = np.argsort(f)[::-1]  # high -> low frequency
    im_sorted = im[order]
    apex = int(np.argmax(im_sorted > 0.5 * np.max(im_sorted[: max(len(im_sorted) // 2, 1)])))
    end = len(im_sorted)
    for k in range(max(apex, 1), len(im_sorted) - 1):
        if im_sorted[k] <= im_sorted[k - 1] and im_sorted[k] < im_sorted[k + 1]:
            end = k + 1
            break
    mask = np.zeros(len(f), dtype=bool)
    mask[order[:end]] = True
    return mask


def randles_impedance(frequency, circuit: dict) -> np.ndarray:
    """``Z = R_s + R_ct / (1 + R_ct Q (i omega)^n)`` [Ohm] at ``frequency`` [Hz] for a :func:`fit_randles`
    result (or any dict with its keys)."""
    w = 2 * np.pi * np.asarray(frequency, dtype=float)
    r_ct = circuit["R_ct [Ohm]"]
    return circuit["R_s [Ohm]"] + r_ct / (1 + r_ct * circuit["Q [F.s^(n-1)]"] * (1j * w) ** circuit["n"])


def fit_randles(frequency, z_real, minus_z_imag) -> dict:
    """Fit ``Z = R_s + R_ct / (1 + R_ct Q (i omega)^n)`` (series resistance, then charge transfer in
    parallel with a constant-phase element) to the high-frequency arc of a spectrum
    (:func:`randles_arc_window`), as EIS papers extract ``R_ct``. Least squares on the real and imaginary
    parts, relative to ``|Z|``. Returns ``{"R_s [Ohm]", "R_ct [Ohm]", "Q [F.s^(n-1)]", "n", "points"}``."""
    from scipy.optimize import least_squares

    f = np.asarray(frequency, dtype=float)
    zr, zi = np.asarray(z_real, dtype=float), -np.asarray(minus_z_imag, dtype=float)
    if f.ndim != 1 or f.size < 4 or f.shape != zr.shape or f.shape != zi.shape or not np.all(f > 0):
        raise SibammError("fit_randles needs at least 4 positive frequencies with one Z', -Z'' each")
    mask = randles_arc_window(f, -zi)
    f, zr, zi = f[mask], zr[mask], zi[mask]
    if f.size < 4:
        raise SibammError(
            f"the spectrum's high-frequency arc has only {f.size} points: sample it more densely"
        )
    w = 2 * np.pi * f
    r_s0 = float(zr[np.argmax(f)])
    r_ct0 = max(float(zr[np.argmin(f)]) - r_s0, 1e-6)
    w_apex = float(w[np.argmax(-zi)])

    def model(x):
        r_s, log_rct, log_q, n = x
        return randles_impedance(
            f, {"R_s [Ohm]": r_s, "R_ct [Ohm]": np.exp(log_rct), "Q [F.s^(n-1)]": np.exp(log_q), "n": n}
        )

    def residual(x):
        z = model(x)
        scale = np.abs(zr + 1j * zi)
        return np.concatenate([(z.real - zr) / scale, (z.imag - zi) / scale])

    x0 = [r_s0, np.log(r_ct0), np.log(1 / (r_ct0 * w_apex)), 0.95]
    fit = least_squares(residual, x0, bounds=([-np.inf, -30, -60, 0.3], [np.inf, 30, 30, 1.0]))
    r_s, log_rct, log_q, n = fit.x
    return {"R_s [Ohm]": r_s, "R_ct [Ohm]": float(np.exp(log_rct)), "Q [F.s^(n-1)]": float(np.exp(log_q)),
            "n": float(n), "points": int(f.size)}  # fmt: skip


def vs_li(voltage_vs_counter, counter_potential: float = 0.62):
    """Voltage in the Li/Li+ frame from a voltage measured against a counter electrode at
    ``counter_potential`` vs Li (Li-In: 0.62 V, Santhosha et al. 2019): ``V_Li = V + U_counter``."""
    return np.asarray(voltage_vs_counter, dtype=float) + counter_potential


def vs_li_in(voltage_vs_li, counter_potential: float = 0.62):
    """Voltage vs Li-In from a voltage vs Li/Li+ (inverse of :func:`vs_li`, exact)."""
    return np.asarray(voltage_vs_li, dtype=float) - counter_potential
