"""PyBaMM parameter-set entry points (``pybamm.ParameterValues("sibamm_hpss_c_half")``).

Each function returns the cell's values under PyBaMM's slot names; the Si electrode of a
half cell is in the *positive* slot, of a full cell in the *negative* slot.
"""

from __future__ import annotations


def _values(cell_name: str) -> dict:
    from .cells import get_cell

    pv = get_cell(cell_name).parameter_values()
    values = dict(pv.items())
    values["chemistry"] = "lithium_ion"
    return values


def hpss_c_half() -> dict:
    """HPSS@C | Li metal half cell (HPSS paper), sibamm 0.1."""
    return _values("hpss_c_half")


def hpss_half() -> dict:
    """Uncoated HPSS | Li metal half cell (HPSS paper), sibamm 0.1."""
    return _values("hpss_half")


def hpss_c_lco_full() -> dict:
    """HPSS@C || LiCoO2 full cell (HPSS paper), sibamm 0.1."""
    return _values("hpss_c_lco_full")


def qms07_half() -> dict:
    """QMS(0.7) | Li metal half cell (QMS paper), sibamm 0.1. Needs the "Li2S formation" option."""
    return _values("qms07_half")


def qms03_half() -> dict:
    """QMS(0.3) | Li metal half cell (QMS paper), sibamm 0.1. Needs the "Li2S formation" option."""
    return _values("qms03_half")


def qms01_half() -> dict:
    """QMS(0.1) | Li metal half cell (QMS paper), sibamm 0.1. Needs the "Li2S formation" option."""
    return _values("qms01_half")


def qms_si_half() -> dict:
    """Undoped Si (QMS molten-salt route) | Li metal half cell (QMS paper), sibamm 0.1."""
    return _values("qms_si_half")


def qms07_lco_full() -> dict:
    """QMS(0.7) || LiCoO2 full cell (QMS paper), sibamm 0.1. Needs the "Li2S formation" option."""
    return _values("qms07_lco_full")


def pc_sinp_half() -> dict:
    """pc-SiNP secondary particles | Li metal half cell (FRM paper), sibamm 0.1."""
    return _values("pc_sinp_half")


def sc_sinp_half() -> dict:
    """sc-SiNP secondary particles | Li metal half cell (FRM paper), sibamm 0.1."""
    return _values("sc_sinp_half")


def _hal(name: str, doc: str):
    def values() -> dict:
        return _values(name)

    values.__name__ = name
    values.__doc__ = (
        doc + " (HAL paper), sibamm 0.1. Model options: see ``sibamm.parameters.cells.HAL_CELLS``."
    )
    return values


hal_si_half = _hal("hal_si_half", "uSi | LPSC | Li-In dense-film half cell")
hal_alcl3_5_half = _hal("hal_alcl3_5_half", "Si@AlCl3-5 | LPSC | Li-In dense-film half cell")
hal_alcl3_10_half = _hal("hal_alcl3_10_half", "Si@AlCl3-10 | LPSC | Li-In dense-film half cell")
hal_alcl3_15_half = _hal("hal_alcl3_15_half", "Si@AlCl3-15 | LPSC | Li-In dense-film half cell")
hal_si_highload_half = _hal("hal_si_highload_half", "uSi high-loading cold-pressed half cell")
hal_alcl3_highload_half = _hal("hal_alcl3_highload_half", "Si@AlCl3 high-loading cold-pressed half cell")
hal_si_ncm88_full = _hal("hal_si_ncm88_full", "uSi || LPSC + LIC || NCM88 full cell")
hal_alcl3_ncm88_full = _hal("hal_alcl3_ncm88_full", "Si@AlCl3 || LPSC + LIC || NCM88 full cell")
hal_alcl3_ncm88_prelithiated_full = _hal(
    "hal_alcl3_ncm88_prelithiated_full", "pre-lithiated Si@AlCl3 || LPSC + LIC || NCM88 full cell"
)
