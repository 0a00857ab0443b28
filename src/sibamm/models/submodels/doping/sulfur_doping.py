#
# Substitutional S in Si (quasi-metallic Si, QMS): conduction, Li channels, Li2S capacity
#
"""How the S content of quasi-metallic Si (QMS paper, SCIENCE.md section QMS) sets its transport.

Three material laws, all functions of the S content ``x`` in at% (``x = 0`` is the undoped Si
made by the same molten-salt route and returns its values *exactly*):

* :func:`pellet_conductivity` - insulator-to-metal transition of the S impurity band,
  percolation form ``sigma = sigma_u + sigma_m r(x)^t`` with a smooth ramp ``r`` that is zero
  at ``x = 0`` and ``(x - x_c)/x_c`` well above the critical content ``x_c`` (0.39 at%, where
  the DFT impurity states are still localised). ``t = 2`` is the 3D percolation conductivity
  exponent (Stauffer & Aharony, *Introduction to Percolation Theory*, 1994).
* :func:`particle_conductivity` - a single particle in series with its surface/contact
  resistance, which doping does not change: the measured single-particle conductance rises
  6x while the pellet rises 50x, so the bulk carries a fraction ``f_b`` of the undoped
  particle's resistance, ``G/G_u = 1 / (f_b sigma_u/sigma + 1 - f_b)``. This is what the Si
  phase contributes to the electrode's solid-phase conduction.
* :func:`channel_diffusivity` - Li diffusion in bulk a-LixSi plus S-chain channels:
  ``D = D_b(T) + D_b,ref (R - 1) (x/x_ref) exp(-sto/sto_ch) A_ch(T)`` with Arrhenius factors of
  the bulk (0.58 eV) and channel barriers (0.11 eV pristine, 0.32 eV after Li2S formation).
  The channel density is taken proportional to the S content; ``R`` is the GITT ratio at low
  Li content of the reference material (5000x at 0.7 at%).

Li2S formation (2 Li per S, first lithiation) is the reaction in
:mod:`sibamm.models.submodels.interface.irreversible_conversion`; its capacity is
:func:`li2s_lithium_concentration`.
"""

from __future__ import annotations

import math

import numpy as np
import pybamm

K_B_EV = 8.617333262e-5  # Boltzmann constant [eV/K]
M_SI = 0.0280855  # kg/mol
PERCOLATION_EXPONENT = 2.0


def _softplus(z):
    return np.logaddexp(0.0, z)


def ramp(x, x_c, width):
    """Smooth ramp, exactly 0 at ``x = 0``, ~``(x - x_c)/x_c`` for ``x >> x_c + width``."""
    x = np.asarray(x, dtype=float)
    return width * (_softplus((x - x_c) / width) - _softplus(-x_c / width)) / x_c


def metallic_prefactor(sigma_u, ratio, x_ref, x_c, width, t=PERCOLATION_EXPONENT):
    """``sigma_m`` such that ``pellet_conductivity(x_ref) = ratio * sigma_u`` (closed form)."""
    return (ratio - 1) * sigma_u / float(ramp(x_ref, x_c, width)) ** t


def pellet_conductivity(x, sigma_u, sigma_m, x_c, width, t=PERCOLATION_EXPONENT):
    """Conductivity [S/m] of S-doped Si (pellet) at S content ``x`` [at%]."""
    return sigma_u + sigma_m * ramp(x, x_c, width) ** t


def bulk_resistance_fraction(pellet_ratio, particle_ratio):
    """Fraction of the undoped particle's resistance in its bulk, from the two measured ratios."""
    return (1 - 1 / particle_ratio) / (1 - 1 / pellet_ratio)


def particle_conductivity(sigma_pellet, sigma_u, f_bulk):
    """Effective conductivity of a particle [S/m]: doped bulk in series with its contact."""
    return sigma_u / (f_bulk * sigma_u / sigma_pellet + 1 - f_bulk)


def channel_enhancement(x, x_ref, ratio_ref):
    """Channel diffusivity over bulk at ``sto -> 0`` and the reference temperature."""
    return (ratio_ref - 1) * x / x_ref


def channel_diffusivity(D_bulk, E_bulk, E_channel, enhancement, sto_channel, T_ref):
    """PyBaMM diffusivity function ``D(sto, T)`` [m2/s] of S-doped a-LixSi.

    ``enhancement`` is :func:`channel_enhancement`; 0 gives bulk Si with its 0.58 eV barrier.
    """

    def D(sto, T):
        bulk = D_bulk * pybamm.exp(-E_bulk / K_B_EV * (1 / T - 1 / T_ref))
        if enhancement == 0:
            return bulk
        channel = pybamm.exp(-E_channel / K_B_EV * (1 / T - 1 / T_ref)) * pybamm.exp(-sto / sto_channel)
        return bulk + D_bulk * enhancement * channel

    return D


def channel_diffusivity_numpy(sto, T, D_bulk, E_bulk, E_channel, enhancement, sto_channel, T_ref):
    """:func:`channel_diffusivity` on numpy arrays (figures, records)."""
    sto = np.asarray(sto, dtype=float)
    bulk = D_bulk * math.exp(-E_bulk / K_B_EV * (1 / T - 1 / T_ref))
    channel = math.exp(-E_channel / K_B_EV * (1 / T - 1 / T_ref)) * np.exp(-sto / sto_channel)
    return bulk + D_bulk * enhancement * channel


def li2s_lithium_concentration(x, rho_si):
    """Li trapped as Li2S at full conversion [mol per m3 of Si skeleton]: 2 Li per S atom."""
    return 2 * (x / 100) / (1 - x / 100) * rho_si / M_SI
