"""Stack-level specific energy and energy density of a design.

The stack model is one repeat unit of a stacked (or wound) cell with double-side-coated
electrodes, per unit electrode area, without packaging (pouch foil, tabs, can):

    mass      = Si coating + separator + electrolyte + positive coating + Cu/2 + Al/2
    thickness = Si coating x (1 + swelling) + separator + positive coating + Cu/2 + Al/2

- Each foil carries two coatings, so half of each foil belongs to the repeat unit.
- The Si coating mass is the Si loading over its active mass fraction (binder and carbon included).
- The electrolyte fills the pristine pores of both electrodes and the separator (liquid: 1.25
  g/cm3; sulfide: the separator is the SE pellet of the cell's parameters (porosity 1) and the
  positive composite's SE fraction, both counted as Li6PS5Cl, 1.86 g/cm3; the dense Si film holds none).
- **Swelling counts in the volume**: the Si coating thickness is the *largest lithiated
  thickness* the simulation reached (``electrode thickness change, lithiated [%]``, maximum
  over the run), because the cell must make room for it. Mass does not change with swelling.
- Full cells: energy is the simulated discharge energy (integral of V I dt) of the cycle, and
  the positive electrode is the simulated one (loading, thickness, porosity).
- Half cells have no positive electrode, so their energy is an estimate for the same Si
  electrode paired with the nominal cathode of the electrolyte family (LCO for liquid, NCM88 for
  sulfide): the
  positive supplies the Si first-lithiation charge (N/P = 1 at the first lithiation, so a low
  ICE costs positive mass), and the energy of a cycle is its Si delithiation capacity times
  (cathode mean potential - mean Si delithiation potential vs Li, also for Li-In cells). Records carry
  ``energy basis`` to say which applies.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..parameters.provenance import assumed, literature
from .registry import CATHODES

STACK = {
    "Cu density [kg.m-3]": literature(8960.0, "copper"),
    "Al density [kg.m-3]": literature(2700.0, "aluminium"),
    "Al current collector thickness [m]": literature(15e-6, "Al foil, as the LCO electrode of the full cell"),
    "Separator polymer density [kg.m-3]": literature(900.0, "polypropylene (Celgard 2400)"),
    "Liquid electrolyte density [kg.m-3]": assumed(
        1250.0, "1.3 M LiPF6 in EC/DEC 3:7 + 10% FEC, ~1.2-1.3 g/cm3 for LiPF6 carbonate solutions"
    ),
    "Sulfide electrolyte density [kg.m-3]": literature(1860.0, "Li6PS5Cl argyrodite, ~1.86 g/cm3"),
    "Cathode solid fraction": assumed(0.60, "pressed commercial cathode (as the LCO full cell)"),
    "Cathode porosity": assumed(0.32, "pressed commercial cathode (as the LCO full cell)"),
    "Cathode density [kg.m-3]": literature(5050.0, "LiCoO2"),
}


def _s(name):
    return STACK[name].value


def delivered_energy(timeseries: pd.DataFrame, cell_type: str) -> pd.DataFrame:
    """Per cycle: charge [Ah], energy [Wh], duration [s] and mean voltage [V] of the half cycle
    that delivers energy (full cell: discharge, I > 0; half cell: Si delithiation, I < 0, with
    the Si potential vs Li)."""
    rows = []
    for cycle, ts in timeseries.groupby("Cycle", sort=True):
        t = ts["Time [s]"].to_numpy()
        current = ts["Current [A]"].to_numpy()
        # half cells: the Si potential vs Li (Li-In cells report Voltage [V] vs Li-In)
        column = "Voltage vs Li [V]" if cell_type == "half" and "Voltage vs Li [V]" in ts else "Voltage [V]"
        v = ts[column].to_numpy()
        sign = 1.0 if cell_type == "full" else -1.0
        i = sign * current
        on = (i[:-1] > 0) & (i[1:] > 0)
        dt = np.diff(t)[on]
        q = np.sum(0.5 * (i[:-1] + i[1:])[on] * dt) / 3600
        e = np.sum(0.5 * (i[:-1] * v[:-1] + i[1:] * v[1:])[on] * dt) / 3600
        rows.append(
            {
                "cycle": int(cycle),
                "charge [Ah]": q,
                "energy [Wh]": e,
                "duration [s]": float(dt.sum()),
                "mean voltage [V]": e / q if q > 0 else float("nan"),
            }
        )
    return pd.DataFrame(rows).set_index("cycle")


def stack_mass_thickness(
    values: dict,
    cell_type: str,
    swelling_pct: float,
    q_first_lith_Ah_m2: float,
    cathode: str,
    electrolyte: str = "liquid",
) -> dict:
    """Areal mass [kg/m2] and thickness [m] of one repeat unit (see the module docstring)."""
    v = {k: x.value for k, x in values.items() if isinstance(x.value, (int, float))}
    if "Si electrode powder mass loading [kg.m-2]" in v:  # dense film: Si + surface layer + binder
        si_coating = v["Si electrode powder mass loading [kg.m-2]"]
    else:
        si_coating = v["Si mass loading [kg.m-2]"] / v["Si electrode active mass fraction"]
    L_si = v["Si electrode thickness [m]"]
    L_sep = v["Separator thickness [m]"]
    eps_sep = v["Separator porosity"]
    L_cu = v["Si current collector thickness [m]"]
    L_al = _s("Al current collector thickness [m]")
    entry = CATHODES[cathode]
    if cell_type == "full":
        pos_coating = v[f"{cathode} mass loading [kg.m-2]"] / entry.active_mass_fraction
        L_pos = v["Positive electrode thickness [m]"]
        eps_pos = v["Positive electrode porosity"]
    else:  # nominal cathode supplying the first lithiation charge
        active = q_first_lith_Ah_m2 / entry.specific_capacity  # Ah/m2 / (Ah/kg) -> kg/m2
        pos_coating = active / entry.active_mass_fraction
        L_pos = active / (_s("Cathode density [kg.m-3]") * _s("Cathode solid fraction"))
        eps_pos = _s("Cathode porosity")
    rho_el = _s(
        "Sulfide electrolyte density [kg.m-3]"
        if electrolyte == "sulfide"
        else "Liquid electrolyte density [kg.m-3]"
    )
    electrolyte = rho_el * (v["Si electrode porosity"] * L_si + eps_sep * L_sep + eps_pos * L_pos)
    mass = (
        si_coating
        + pos_coating
        + (1 - eps_sep) * L_sep * _s("Separator polymer density [kg.m-3]")
        + electrolyte
        + 0.5 * L_cu * _s("Cu density [kg.m-3]")
        + 0.5 * L_al * _s("Al density [kg.m-3]")
    )
    swollen = L_si * (1 + max(swelling_pct, 0.0) / 100)
    thickness = swollen + L_sep + L_pos + 0.5 * (L_cu + L_al)
    return {
        "mass [kg.m-2]": mass,
        "thickness [m]": thickness,
        "pristine thickness [m]": thickness - swollen + L_si,
        "positive coating [kg.m-2]": pos_coating,
        "electrolyte [kg.m-2]": electrolyte,
    }


def areal_energy(energy_row: pd.Series, cell_type: str, area_m2: float, cathode: str) -> tuple[float, float]:
    """Energy [Wh/m2] and duration [s] of a cycle's energy-delivering half cycle."""
    if cell_type == "full":
        return energy_row["energy [Wh]"] / area_m2, energy_row["duration [s]"]
    q = energy_row["charge [Ah]"] / area_m2
    u = CATHODES[cathode].mean_potential
    return q * (u - energy_row["mean voltage [V]"]), energy_row["duration [s]"]
