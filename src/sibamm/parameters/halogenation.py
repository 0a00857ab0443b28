"""Surface halogenation of micro-Si with AlCl3 (HAL paper): what the AlCl3 mass fraction does.

One function, :func:`surface_layer`, turns the AlCl3 mass fraction of the Si + AlCl3 mix into
everything the cell needs, from the chemistry and geometry alone:

1. **Native oxide.** A 1-3 um Si particle carries a 5-10 nm amorphous SiO2 shell. Per kg of Si
   it holds ``n_ox = (3 d/R) (rho_ox/rho_Si) / M_SiO2`` mol of SiO2 (thin-shell limit).
2. **Conversion.** Heated sealed with AlCl3 at 180 C (where AlCl3 sublimes, so it reaches every
   surface through the vapour) the oxide turns into Al(Si)OCl: ``SiO2 + 2 AlCl3 -> 2 AlOCl + SiCl4``
   (SiCl4 volatile). The converted (SA-layer) coverage is stoichiometric, ``theta = s`` for
   ``s = n_AlCl3 / (nu n_ox) < 1`` (``nu = 2`` AlCl3 per SiO2) and 1 beyond, with the corner smoothed
   by the spread of oxide amounts between particles (1-3 um, 5-10 nm):
   ``theta = s / (1 + s**m)**(1/m)``, ``m`` the sharpness. The oxide under the SA layer is removed:
   ``f_removed = theta``.
3. **Residual AlCl3.** What the oxide did not consume, ``n_res = n_AlCl3 - nu theta n_ox >= 0``,
   stays in the layer. It grows faster than linearly with the AlCl3 fraction once the oxide is
   used up, and it is lithiated in the first lithiation, ``AlCl3 + 3 Li -> Al + 3 LiCl`` (3 Li per
   AlCl3): an irreversible Li loss.
4. **Unremoved oxide.** The remaining SiO2, ``(1 - theta) n_ox``, is lithiated irreversibly
   (``SiO2 + 4 Li -> Si + 2 Li2O``, 4 Li per SiO2; Li4SiO4 paths take fewer).
5. **Bare surface.** Only the uncovered fraction ``1 - theta`` of the Si reacts with Li6PS5Cl
   (the SA layer is chemically stable against it): it scales the sulfide-interphase capacity and
   its growth at rest.
6. **Electronic conduction** of the film runs through particle-particle contacts. A contact is
   oxide-free when both surfaces are converted (probability ``theta**2``), so
   ``sigma = sigma_oxide + (sigma_clean - sigma_oxide) theta**2``.
7. **Layer resistance.** The SA layer (AlOCl + residual AlCl3, turned into Al + LiCl) is spread
   over the converted surface; its area-specific ionic resistance is ``rho_SA x thickness``.
8. **Inactive mass.** AlOCl and residual AlCl3 (and, on bare Si, the SiO2) add mass without
   capacity: ``Si mass fraction = m_Si / (m_Si + m_SiO2 left + m_AlOCl + m_AlCl3)``.

Nothing here fixes where the ICE peaks: losses 3 and 4+5 move in opposite directions with the
AlCl3 fraction, and the optimum is wherever the model's first cycle puts it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import SibammError

F = 96485.33212
M_SI, M_SIO2, M_ALCL3, M_ALOCL = 28.086e-3, 60.084e-3, 133.34e-3, 78.43e-3  # kg/mol
#: AlCl3 per SiO2 in SiO2 + 2 AlCl3 -> 2 AlOCl + SiCl4
ALCL3_PER_SIO2 = 2.0
#: Li per residual AlCl3 (AlCl3 + 3 Li -> Al + 3 LiCl) and per unremoved SiO2 (SiO2 + 4 Li -> Si + 2 Li2O)
LI_PER_ALCL3, LI_PER_SIO2 = 3.0, 4.0


@dataclass(frozen=True)
class SurfaceLayer:
    """What a given AlCl3 mass fraction makes of the Si surface (per kg of Si unless stated)."""

    alcl3_mass_fraction: float
    oxide_mol_per_kg: float
    alcl3_mol_per_kg: float
    coverage: float  # SA-layer coverage = fraction of the native oxide removed
    residual_alcl3_mol_per_kg: float
    layer_thickness_m: float  # mean SA-layer thickness over the converted surface
    oxide_li_loss_mol_per_kg: float  # Li taken by the unremoved SiO2
    residual_li_loss_mol_per_kg: float  # Li taken by the residual AlCl3
    conductivity_S_m: float  # electronic conductivity of the dense film, delithiated
    layer_resistance_ohm_m2: float  # ionic area-specific resistance of the SA layer
    si_mass_fraction: float  # Si mass / active-material mass (Si + oxide + layer)
    surface_area_m2_per_kg: float  # outer surface of the Si per kg of Si

    @property
    def irreversible_li_mAh_per_g(self) -> float:
        """Li lost to the oxide and the residual AlCl3 [mAh per g of Si]."""
        return (self.oxide_li_loss_mol_per_kg + self.residual_li_loss_mol_per_kg) * F / 3.6 / 1000


def surface_layer(
    alcl3_mass_fraction: float,
    particle_radius: float,
    oxide_thickness: float,
    conductivity_oxide: float,
    conductivity_clean: float,
    layer_resistivity: float,
    sharpness: float = 6.0,
    rho_si: float = 2330.0,
    rho_sio2: float = 2200.0,
    rho_alcl3: float = 2480.0,
    rho_alocl: float = 2500.0,
) -> SurfaceLayer:
    """Derived surface-layer quantities of Si@AlCl3 for an AlCl3 mass fraction in [0, 0.5].

    Parameters
    ----------
    alcl3_mass_fraction : float
        AlCl3 mass / (Si + AlCl3) of the mix (HAL: 0.05, 0.10, 0.15; 0 is bare uSi).
    particle_radius, oxide_thickness : float
        Si particle radius and native SiO2 thickness [m].
    conductivity_oxide, conductivity_clean : float
        Film conductivity with all contacts through oxide (bare uSi) and with all contacts
        oxide-free [S/m].
    layer_resistivity : float
        Ionic resistivity of the SA layer [Ohm m].
    sharpness : float
        ``m`` of the smoothed stoichiometric coverage (large: a sharp corner where the oxide is used up).
    rho_* : float
        Densities [kg/m3] of Si, a-SiO2, AlCl3 and AlOCl.
    """
    w = alcl3_mass_fraction
    if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 <= w <= 0.5:
        raise SibammError(f"AlCl3 mass fraction {w!r} is outside [0, 0.5] (HAL used 0.05-0.15)")
    if not 0 < oxide_thickness < particle_radius:
        raise SibammError(
            f"native SiO2 thickness {oxide_thickness:g} m must be positive and below the particle radius "
            f"{particle_radius:g} m"
        )
    for name, x in (("conductivity_oxide", conductivity_oxide), ("conductivity_clean", conductivity_clean),
                    ("layer_resistivity", layer_resistivity), ("sharpness", sharpness)):  # fmt: skip
        if not (x > 0 and math.isfinite(x)):
            raise SibammError(f"{name} = {x!r} must be a positive number")
    area = 3 / (particle_radius * rho_si)  # m2 per kg Si
    n_ox = area * oxide_thickness * rho_sio2 / M_SIO2
    n_al = w / (1 - w) / M_ALCL3
    ratio = n_al / (ALCL3_PER_SIO2 * n_ox)
    theta = ratio / (1 + ratio**sharpness) ** (1 / sharpness)
    n_res = max(n_al - ALCL3_PER_SIO2 * theta * n_ox, 0.0)
    n_alocl = ALCL3_PER_SIO2 * theta * n_ox
    layer_volume = n_alocl * M_ALOCL / rho_alocl + n_res * M_ALCL3 / rho_alcl3  # m3 per kg Si
    thickness = layer_volume / (area * theta) if theta > 0 else 0.0
    sigma = conductivity_oxide + (conductivity_clean - conductivity_oxide) * theta**2
    inactive = (1 - theta) * n_ox * M_SIO2 + n_alocl * M_ALOCL + n_res * M_ALCL3  # kg per kg Si
    return SurfaceLayer(
        alcl3_mass_fraction=w,
        oxide_mol_per_kg=n_ox,
        alcl3_mol_per_kg=n_al,
        coverage=theta,
        residual_alcl3_mol_per_kg=n_res,
        layer_thickness_m=thickness,
        oxide_li_loss_mol_per_kg=LI_PER_SIO2 * (1 - theta) * n_ox,
        residual_li_loss_mol_per_kg=LI_PER_ALCL3 * n_res,
        conductivity_S_m=sigma,
        layer_resistance_ohm_m2=layer_resistivity * thickness,
        si_mass_fraction=1 / (1 + inactive),
        surface_area_m2_per_kg=area,
    )


def clean_contact_conductivity(
    sigma_target: float, alcl3_mass_fraction: float, particle_radius: float, oxide_thickness: float,
    conductivity_oxide: float, sharpness: float = 6.0, rho_si: float = 2330.0, rho_sio2: float = 2200.0,
) -> float:  # fmt: skip
    """``sigma_clean`` that makes :func:`surface_layer` give ``sigma_target`` at one AlCl3 fraction
    (closed form: the law is linear in ``sigma_clean``)."""
    probe = surface_layer(
        alcl3_mass_fraction,
        particle_radius,
        oxide_thickness,
        conductivity_oxide,
        1.0,
        1.0,
        sharpness,
        rho_si,
        rho_sio2,
    )
    theta2 = probe.coverage**2
    if theta2 <= 0:
        raise SibammError("the reference AlCl3 fraction must be positive to calibrate the clean contacts")
    return conductivity_oxide + (sigma_target - conductivity_oxide) / theta2
