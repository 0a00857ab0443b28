"""Electrode recipes, electrolytes, counter and positive electrodes (sibamm names)."""

from __future__ import annotations

import math

import pybamm

from ..models.submodels.smooth import smooth_abs
from .provenance import assumed, derived, fitted, literature, reported

HPSS = "HPSS (Nat. Commun., hollow Si microspheres)"
COMMON = "SCIENCE.md, Physics common to every system"


def hpss_recipe() -> dict:
    """HPSS electrode: active:Super-P:PAA/CMC = 80:10:10 on Cu, not calendered."""
    return {
        "Si mass loading [kg.m-2]": reported(1.25e-2, HPSS + ": loading 1.0-1.5 mg/cm2 (midpoint)"),
        "Si electrode active mass fraction": reported(0.80, HPSS + ": 80:10:10 recipe"),
        "Si electrode additive mass fraction": reported(0.10, HPSS + ": Super-P 10 wt%"),
        "Si electrode binder mass fraction": reported(0.10, HPSS + ": PAA/CMC 10 wt%"),
        "Si electrode additive density [kg.m-3]": literature(1950.0, "Super-P carbon black"),
        "Si electrode binder density [kg.m-3]": literature(1500.0, "PAA/CMC"),
        "Si electrode thickness [m]": assumed(35e-6, "uncalendered 1.25 mg/cm2 Si electrode (not reported)"),
        "Si electrode Bruggeman coefficient (electrolyte)": literature(1.5, "Bruggeman"),
        "Si electrode Bruggeman coefficient (electrode)": literature(1.5, "Bruggeman"),
        "Si electrode swelling thickness fraction": assumed(
            0.8, "uncalendered electrode: most particle growth lifts the electrode, 20% fills pores"
        ),
        "Si current collector thickness [m]": reported(10e-6, HPSS + ": Cu foil (10 um taken)"),
        "Si current collector conductivity [S.m-1]": literature(5.96e7, "Cu"),
    }


QMS = "QMS (Nat. Commun., quasi-metallic S-doped Si)"


def qms_recipe() -> dict:
    """QMS electrode: QMS:Super-P:PAA:CMC = 80:10:5:5 on Cu, not calendered."""
    values = hpss_recipe()
    values.update(
        {
            "Si mass loading [kg.m-2]": reported(
                1.086e-2,
                QMS + ": Si loading 1-1.1 mg/cm2; 1.086 mg/cm2 x 3.5 A/g is the rate test's 3.8 mA/cm2",
            ),
            "Si electrode active mass fraction": reported(0.80, QMS + ": 80:10:5:5 recipe"),
            "Si electrode additive mass fraction": reported(0.10, QMS + ": Super-P 10 wt%"),
            "Si electrode binder mass fraction": reported(0.10, QMS + ": PAA 5 + CMC 5 wt%"),
            "Si electrode thickness [m]": assumed(
                30.4e-6, "uncalendered, same packing as the HPSS electrode (35 um at 1.25 mg/cm2)"
            ),
        }
    )
    return values


def carbonate_electrolyte() -> dict:
    """1.3 M LiPF6 in EC/DEC 3:7 + 10 wt% FEC, with LiPF6 carbonate transport from Valoen 2005."""
    xu = pybamm.ParameterValues("Xu2019")
    return {
        "Initial concentration in electrolyte [mol.m-3]": reported(1300.0, "1.3 M LiPF6; " + COMMON),
        "Electrolyte conductivity [S.m-1]": literature(
            xu["Electrolyte conductivity [S.m-1]"], "LiPF6 in carbonates, Valoen & Reimers 2005"
        ),
        "Electrolyte diffusivity [m2.s-1]": literature(
            xu["Electrolyte diffusivity [m2.s-1]"], "LiPF6 in carbonates, Valoen & Reimers 2005"
        ),
        "Cation transference number": literature(0.38, "Valoen & Reimers 2005"),
        "Thermodynamic factor": literature(1.0, "ideal solution"),
        "Bulk solvent concentration [mol.m-3]": literature(2636.0, "PyBaMM Xu2019/OKane2022 SEI set"),
        "SEI solvent diffusivity [m2.s-1]": literature(2.5e-22, "OKane2022 / Chen2020_composite SEI set"),
        "SEI partial molar volume [m3.mol-1]": literature(
            2 * 9.84e-6,
            "LiF-rich FEC-derived SEI (Etacheri et al. Langmuir 2012): LiF 9.84 cm3/mol, 2 Li per SEI mol",
        ),
        "SEI film resistivity [Ohm.m]": literature(2e5, "OKane2022 SEI set"),
        "Ratio of lithium moles to SEI moles": literature(2.0, "Li2EDC-type SEI, OKane2022"),
        "Initial SEI thickness [m]": assumed(1e-9, "pristine Si has no SEI (native film only)"),
        "SEI growth activation energy [J.mol-1]": assumed(0.0, "isothermal 25 C cells"),
        "SEI open-circuit potential [V]": literature(0.4, "OKane2022 SEI set"),
        "SEI reaction exchange current density [A.m-2]": literature(1.5e-7, "OKane2022 SEI set"),
        "SEI kinetic rate constant [m.s-1]": literature(1e-12, "OKane2022 SEI set"),
        "EC initial concentration in electrolyte [mol.m-3]": literature(4541.0, "OKane2022 SEI set"),
        "EC diffusivity [m2.s-1]": literature(2e-18, "OKane2022 SEI set"),
        "SEI lithium interstitial diffusivity [m2.s-1]": literature(1e-20, "OKane2022 SEI set"),
        "Lithium interstitial reference concentration [mol.m-3]": literature(15.0, "OKane2022 SEI set"),
        "SEI electron conductivity [S.m-1]": literature(8.95e-14, "OKane2022 SEI set"),
    }


def celgard_2400() -> dict:
    return {
        "Separator thickness [m]": literature(25e-6, "Celgard 2400 datasheet"),
        "Separator porosity": literature(0.41, "Celgard 2400 datasheet"),
        "Separator Bruggeman coefficient (electrolyte)": literature(1.5, "Bruggeman"),
        "Separator Bruggeman coefficient (electrode)": literature(1.5, "Bruggeman"),
    }


def lithium_metal_counter() -> dict:
    xu = pybamm.ParameterValues("Xu2019")
    return {
        "Exchange-current density for lithium metal electrode [A.m-2]": literature(
            xu["Exchange-current density for lithium metal electrode [A.m-2]"],
            "Xu et al. 2019 (PyBaMM Xu2019)",
        ),
        "Counter electrode OCP [V]": literature(0.0, "Li/Li+ reference"),
        "Counter electrode OCP entropic change [V.K-1]": literature(0.0, "Li metal"),
        "Counter electrode conductivity [S.m-1]": literature(1.0776e7, "Li metal, Xu2019"),
        "Counter electrode thickness [m]": literature(500e-6, "2032 coin-cell Li chip ~0.5 mm"),
        "Counter electrode charge transfer coefficient": literature(0.5, "Xu2019"),
        "Counter electrode double-layer capacity [F.m-2]": literature(0.2, "Xu2019"),
        "Lithium metal partial molar volume [m3.mol-1]": literature(1.3e-5, "Li metal"),
    }


def lco_positive(loading_kg_m2: float, source: str) -> dict:
    """LiCoO2 positive electrode (LCO:Super-P:PVdF 95:2.5:2.5); OCP, diffusivity and kinetics
    of LiCoO2 from Dualfoil (Doyle & Newman) as shipped in PyBaMM's Ai2020 set."""
    ai = pybamm.ParameterValues("Ai2020")
    src = "Ai et al. J. Electrochem. Soc. 167 013512 (2020), PyBaMM Ai2020 (Dualfoil LiCoO2)"
    rho_lco = 5050.0
    return {
        "LCO mass loading [kg.m-2]": reported(
            loading_kg_m2, source + " (read as the LCO loading; the electrode is 95 wt% LCO)"
        ),
        "Positive electrode active material volume fraction": assumed(0.60, "pressed commercial cathode"),
        "Positive electrode porosity": assumed(0.32, "pressed commercial cathode"),
        "Maximum concentration in positive electrode [mol.m-3]": literature(
            ai["Maximum concentration in positive electrode [mol.m-3]"], src
        ),
        "Positive electrode OCP [V]": literature(ai["Positive electrode OCP [V]"], src),
        "Positive electrode OCP entropic change [V.K-1]": assumed(0.0, "isothermal 25 C cells"),
        "Positive particle diffusivity [m2.s-1]": literature(
            ai["Positive particle diffusivity [m2.s-1]"], src
        ),
        "Positive particle radius [m]": literature(5e-6, "commercial LCO D50 ~10 um"),
        "Positive electrode exchange-current density [A.m-2]": literature(
            ai["Positive electrode exchange-current density [A.m-2]"], src
        ),
        "Positive electrode conductivity [S.m-1]": literature(10.0, "LCO + 2.5% Super-P"),
        "Positive electrode Bruggeman coefficient (electrolyte)": literature(1.5, "Bruggeman"),
        "Positive electrode Bruggeman coefficient (electrode)": literature(1.5, "Bruggeman"),
        "Positive electrode charge transfer coefficient": literature(0.5, "symmetric"),
        "Positive electrode double-layer capacity [F.m-2]": assumed(
            0.2,
            "PyBaMM's default (20 uF/cm2), not measured for this interface; it enters only the small-signal "
            "impedance (sibamm.impedance.DoubleLayerEIS), where it sets the arc's apex frequency "
            "1/(2 pi R_ct C_dl A), not its diameter",
        ),
        "Positive electrode density [kg.m-3]": literature(rho_lco, "LiCoO2"),
        "Positive current collector thickness [m]": literature(15e-6, "Al foil"),
        "Positive current collector conductivity [S.m-1]": literature(3.55e7, "Al"),
        "LCO initial stoichiometry": assumed(0.99, "as-made LiCoO2"),
        "LCO practical capacity [mAh.g-1]": literature(150.0, "LCO to 4.2 V vs Si (~4.3 V vs Li)"),
    }


FRM = "FRM (Ogata, Ko et al., continuous Si frameworks; SCIENCE.md FRM table)"


def frm_recipe(electrode_loading_kg_m2: float, loading_note: str) -> dict:
    """FRM electrode: 79 wt% Si/CNT secondary particles, 20 wt% Li-PAA, 1 wt% Ketjen black.

    ``Si electrode active mass fraction`` and the Si loading follow from the secondary
    particles' Si mass fraction (material) in :func:`sibamm.parameters.cells`.
    """
    return {
        "Electrode mass loading [kg.m-2]": reported(electrode_loading_kg_m2, FRM + ": " + loading_note),
        "Secondary particle mass fraction": reported(0.79, FRM + ": 79 wt% secondary particles"),
        "Si electrode binder mass fraction": reported(0.20, FRM + ": 20 wt% Li-PAA"),
        "Ketjen black mass fraction": reported(0.01, FRM + ": 1 wt% Ketjen black"),
        "Si electrode additive density [kg.m-3]": literature(2000.0, "MWCNT / Ketjen black"),
        "Si electrode binder density [kg.m-3]": literature(1500.0, "Li-PAA"),
        "Electrode density [kg.m-3]": assumed(
            800.0, "spray-dried secondary-particle electrode (not reported)"
        ),
        "Si electrode thickness [m]": assumed(20e-6, "placeholder, derived from loading / electrode density"),
        "Si electrode Bruggeman coefficient (electrolyte)": literature(1.5, "Bruggeman"),
        "Si electrode Bruggeman coefficient (electrode)": literature(1.5, "Bruggeman"),
        "Si electrode swelling thickness fraction": assumed(
            0.5, "secondary particles: half of the growth fills the inter-particle pores"
        ),
        "Si current collector thickness [m]": assumed(10e-6, "Cu foil (not reported)"),
        "Si current collector conductivity [S.m-1]": literature(5.96e7, "Cu"),
    }


def frm_electrolyte() -> dict:
    """1 M LiPF6 in FEC/EC/DEC 25/5/70 (FRM): carbonate transport and SEI values as for HPSS."""
    values = carbonate_electrolyte()
    values["Initial concentration in electrolyte [mol.m-3]"] = reported(
        1000.0, FRM + ": 1 M LiPF6 in FEC/EC/DEC 25/5/70"
    )
    return values


def al2o3_coated_separator() -> dict:
    return {
        "Separator thickness [m]": reported(10e-6, FRM + ": 10 um Al2O3-coated separator"),
        "Separator porosity": assumed(0.45, "ceramic-coated PE separator"),
        "Separator Bruggeman coefficient (electrolyte)": literature(1.5, "Bruggeman"),
        "Separator Bruggeman coefficient (electrode)": literature(1.5, "Bruggeman"),
    }


# --------------------------------------------------------------------------- HAL: sulfide solid-state cells

HAL = "HAL (Li, H. et al., Nat. Commun. 2025, doi:10.1038/s41467-025-67985-x)"
LIT = "SCIENCE.md, Literature values to start from"
#: HAL pellet die and electrode disc: 10 mm diameter
HAL_AREA = math.pi * 0.005**2


def _pellet_thickness(mass_kg: float, density: float) -> float:
    return mass_kg / (density * HAL_AREA)


def hal_recipe() -> dict:
    """HAL dense Si electrode: Si (or Si@AlCl3) : PVDF = 99.7:0.3 slurry on 6 um Cu, 10 mm disc,
    pressed at 180 MPa. It holds no solid electrolyte and no carbon: Li enters only at the
    Si|LPSC interface. The film's solid fraction is assumed (not reported), and its thickness
    follows from the loading in :func:`sibamm.parameters.cells`."""
    return {
        "Si electrode powder mass loading [kg.m-2]": reported(
            1.0e-2, HAL + ": 0.8-1.2 mg/cm2 (midpoint), read as the Si or Si@AlCl3 powder mass"
        ),
        "Si electrode active mass fraction": reported(0.997, HAL + ": Si:PVDF = 99.7:0.3"),
        "Si electrode additive mass fraction": reported(0.0, HAL + ": no carbon, no solid electrolyte"),
        "Si electrode binder mass fraction": reported(0.003, HAL + ": PVDF 0.3 wt%"),
        "Si electrode binder density [kg.m-3]": literature(1780.0, "PVDF"),
        "Si electrode film solid fraction": assumed(
            0.65,
            "random close packing of hard 1-3 um particles (~0.64): Si (yield strength in the GPa range) "
            "barely deforms at the 180 MPa pressing pressure (HAL), so the film stays near close packing",
        ),
        "Si electrode Bruggeman coefficient (electrolyte)": assumed(1.0, "no SE in the film (not read)"),
        "Si electrode Bruggeman coefficient (electrode)": assumed(
            1.0, "the measured film conductivity is used directly (dense-film model)"
        ),
        "Si electrode swelling thickness fraction": assumed(
            1.0, "dense film under 180 MPa stack pressure: all particle growth thickens the film"
        ),
        "Si current collector thickness [m]": reported(6e-6, HAL + ": 6 um Cu foil"),
        "Si current collector conductivity [S.m-1]": literature(5.96e7, "Cu"),
        "Stack pressure [Pa]": reported(180e6, HAL + ": pressed at 180 MPa, stack pressure 180 MPa"),
        "Si electrode interface area factor": assumed(
            1.0,
            "reference: the half cells, pressed at 180 MPa, whose face the fitted kinetics describe (the "
            "high-loading powder meets its LPSC separator under the same 180 MPa stack)",
        ),
    }


def hal_highload_recipe() -> dict:
    """HAL high-loading electrode: cold-pressed Si powder (50 MPa), no binder, carbon or SE, > 10 mAh/cm2."""
    values = hal_recipe()
    values.update(
        {
            "Si electrode powder mass loading [kg.m-2]": assumed(
                3.3e-2,
                "3.3 mg/cm2: the loading that gives the reported > 10 mAh/cm2 (HAL) at ~3300 mAh/g",
            ),
            "Si electrode active mass fraction": reported(1.0, HAL + ": cold-pressed Si powder, no binder"),
            "Si electrode binder mass fraction": reported(0.0, HAL + ": no binder"),
            "Si electrode film solid fraction": assumed(
                0.55, "loose micron powder cold-pressed at only 50 MPa (HAL): below close packing"
            ),
            "Stack pressure [Pa]": reported(180e6, HAL + ": stack pressure 180 MPa"),
        }
    )
    return values


def lpsc_electrolyte() -> dict:
    """Li6PS5Cl (LPSC): a single-ion conductor (t+ = 1, no salt gradients)."""
    return {
        "Initial concentration in electrolyte [mol.m-3]": assumed(
            1000.0, "reference Li+ concentration of the single-ion conductor (uniform; enters no equation)"
        ),
        "Electrolyte conductivity [S.m-1]": literature(0.2, "Li6PS5Cl 1-3 mS/cm at 25 C (2 mS/cm); " + LIT),
        "Electrolyte diffusivity [m2.s-1]": assumed(
            1e-10, "not used: c_e is uniform in a single-ion conductor (kept for PyBaMM's slot)"
        ),
        "Cation transference number": literature(1.0, "single-ion conductor; " + LIT),
        "Thermodynamic factor": literature(1.0, "single-ion conductor: no diffusion potential"),
        "Separator solid electrolyte conductivity [S.m-1]": fitted(
            0.5,
            "HAL first-cycle capacities at 3500 mA/g: the c-Si plateau (~0.10 V vs Li) sits only 80 mV above "
            "the 0.02 V cut-off, and the 0.62 mm pellet alone drops 70-220 mV at 3.5 mA/cm2 with the 1-3 "
            "mS/cm of " + LIT + "; 5 mS/cm (above that range; cold-pressed LPSC under 180 MPa stack "
            "pressure) lets the Si@AlCl3 lithiation reach the plateau (scripts/fit_hal.py)",
            "2026-11-21",
        ),
        "Initial SEI thickness [m]": assumed(
            2e-9, "as the sulfide interphase initial thickness (PyBaMM's C-Li state)"
        ),
        "SEI partial molar volume [m3.mol-1]": assumed(
            1e-6, "as the sulfide interphase molar volume per mol Li (PyBaMM's C-Li state)"
        ),
        "Ratio of lithium moles to SEI moles": assumed(1.0, "the C-Li state counts Li directly"),
        "SEI resistivity [Ohm.m]": assumed(1.0, "divided out by the sulfide interphase model"),
        "SEI growth activation energy [J.mol-1]": assumed(0.0, "isothermal 25 C cells"),
        "LPSC density [kg.m-3]": assumed(
            1640.0, "pressed LPSC pellet ~1.64 g/cm3 (~88% of the 1.86 g/cm3 crystal density)"
        ),
    }


def lic_electrolyte() -> dict:
    """Li3InCl6 (LIC): the halide solid electrolyte of the NCM88 composite and its separator layer."""
    return {
        "Separator positive-side layer conductivity [S.m-1]": literature(0.1, "Li3InCl6 ~1 mS/cm; " + LIT),
        "Positive electrode solid electrolyte conductivity [S.m-1]": literature(
            0.1, "Li3InCl6 ~1 mS/cm (LIC in the NCM88 composite); " + LIT
        ),
        "LIC density [kg.m-3]": assumed(
            2400.0, "pressed Li3InCl6 pellet, ~90% of its ~2.6 g/cm3 crystal density (not reported)"
        ),
    }


def lpsc_separator() -> dict:
    """The half cell's 80 mg LPSC pellet in a 10 mm die; the pellet conductivity includes its voids."""
    mass, rho = 80e-6, 1640.0
    return {
        "LPSC separator mass [kg]": reported(mass, HAL + ": 80 mg LPSC separator"),
        "Separator thickness [m]": derived(
            _pellet_thickness(mass, rho), "80 mg / (1.64 g/cm3 x 0.785 cm2): ~0.62 mm"
        ),
        "Separator porosity": assumed(
            1.0, "the whole pellet conducts Li+: the measured pellet conductivity already includes its voids"
        ),
        "Separator Bruggeman coefficient (electrolyte)": assumed(1.0, "pellet conductivity used directly"),
        "Separator Bruggeman coefficient (electrode)": assumed(1.0, "no electronic phase"),
    }


def lpsc_lic_separator() -> dict:
    """The full cell's separator: 50 mg LPSC (Si side) + 30 mg LIC (NCM side) in series.

    PyBaMM has one separator domain: its thickness is the sum of the layers and its
    conductivity the series value ``L / (L_LPSC/s_LPSC + L_LIC/s_LIC)`` (same ohmic drop), derived
    in the cell. The layer values stay in the set for a two-layer model.
    """
    return {
        "LPSC separator mass [kg]": reported(50e-6, HAL + ": full cell, 50 mg LPSC on the negative side"),
        "LIC separator mass [kg]": reported(30e-6, HAL + ": full cell, 30 mg LIC on the positive side"),
        "Separator porosity": assumed(
            1.0, "dense pellet layers; their measured conductivities include voids"
        ),
        "Separator Bruggeman coefficient (electrolyte)": assumed(1.0, "pellet conductivity used directly"),
        "Separator Bruggeman coefficient (electrode)": assumed(1.0, "no electronic phase"),
    }


def li_in_counter() -> dict:
    """Li-In alloy counter electrode: In foil (50 um) + Li foil (50 um), In/InLi two-phase at 0.62 V vs Li."""
    return {
        "Counter electrode Li-In open-circuit potential [V]": literature(
            0.62, "In/InLi two-phase, Santhosha et al., Batteries & Supercaps 2 524 (2019); " + LIT
        ),
        "Counter electrode OCP [V]": literature(0.62, "same as the Li-In open-circuit potential"),
        "Counter electrode OCP entropic change [V.K-1]": assumed(0.0, "isothermal 25 C cells"),
        "Exchange-current density for lithium metal electrode [A.m-2]": assumed(
            500.0, "as the Li-In exchange-current density (PyBaMM's slot, not read with the Li-In option)"
        ),
        "Counter electrode Li-In exchange-current density [A.m-2]": assumed(
            500.0,
            "Li-In|LPSC charge transfer ~0.5 Ohm cm2 (j0 = RT/(F R_ct)): the In-rich alloy foil pressed at "
            "180 MPa wets the pellet; small next to the Si side's 16-470 Ohm (HAL EIS)",
        ),
        "Counter electrode conductivity [S.m-1]": literature(
            1.2e7, "In metal ~1.2e7 S/m (Li-In alloy similar)"
        ),
        "Counter electrode thickness [m]": reported(100e-6, HAL + ": In foil 50 um + Li foil 50 um"),
        "Counter electrode charge transfer coefficient": literature(0.5, "symmetric Butler-Volmer"),
        "Counter electrode double-layer capacity [F.m-2]": literature(0.2, "PyBaMM default"),
        "Lithium metal partial molar volume [m3.mol-1]": literature(1.3e-5, "Li metal"),
        "Li-In In to Li mass ratio": reported(20.0, HAL + ": In:Li mass ratio 20"),
    }


def _ncm_exchange_current(k):
    """Butler-Volmer exchange current of NCM, Chen2020 form with prefactor k."""

    def j0(c_e, c_s_surf, c_s_max, T):
        arrhenius = pybamm.exp(17800 / 8.314 * (1 / 298.15 - 1 / T))
        return k * arrhenius * c_e**0.5 * c_s_surf**0.5 * (c_s_max - c_s_surf) ** 0.5

    return j0


#: sibamm (= PyBaMM, full cells) names of the NCM88 lithiated-end diffusivity collapse
NCM_D_ONSET = "Positive particle diffusivity collapse onset stoichiometry"
NCM_D_DECADES = "Positive particle diffusivity collapse depth [decades]"
NCM_D_WIDTH = "Positive particle diffusivity collapse width"


def ncm_diffusivity(d_ref: float):
    """Li diffusivity of a Ni-rich layered oxide that collapses towards full lithiation.

    ``log10 D(sto) = log10 d_ref - N / (1 + exp(-(sto - sto_c) / w))``: the Chen2020 value
    ``d_ref`` over most of the window and N decades lower at the lithiated end (few Li vacancies
    left: divacancy-mediated hopping, Van der Ven & Ceder, Electrochem. Solid-State Lett. 3 301
    (2000); GITT: Amin & Chiang, J. Electrochem. Soc. 163 A1512 (2016)). This is the kinetic first-
    cycle loss of NCM cathodes (Kasnatscheew et al., PCCP 18 3956 (2016)): on discharge the particle
    surface fills up while the core cannot take Li fast enough, so the cut-off is reached with the
    particle short of its initial lithium. N, sto_c and w are the parameters named by ``NCM_D_*``
    (pybamm.Parameter, so they can be overridden per run). No temperature dependence (isothermal
    25 C cells, as Chen2020's constant value).
    """

    def diffusivity(sto, T):
        onset = pybamm.Parameter(NCM_D_ONSET)
        decades = pybamm.Parameter(NCM_D_DECADES)
        width = pybamm.Parameter(NCM_D_WIDTH)
        drop = decades / (1 + pybamm.exp(-(sto - onset) / width))
        return d_ref * pybamm.exp(-math.log(10) * drop)

    return diffusivity


#: sibamm (= PyBaMM, full cells) name of the NCM88 contact-loss coefficient
NCM_CONTACT_LOSS = "Positive electrode contact loss coefficient"


def ncm_contact_loss_rate(i, T):
    """NCM volume fraction lost from ionic contact [s-1]: PyBaMM's current-driven LAM rate.

    ``d eps_s/dt = -lambda |i| / (F c_max L)``: the NCM loses contact with the solid electrolyte in
    proportion to the Li cycled through it, ``|i| / (F c_max L)`` being the rate at which the
    electrode's whole ``c_max`` is cycled. Ni-rich layered oxides change volume anisotropically with
    every Li exchanged (c-axis collapse above ~4.1 V), and against a rigid solid electrolyte the
    particle surface detaches, so capacity fades with the charge passed (Koerver et al., Chem. Mater.
    29 5574 (2017): NCM811 | Li3PS4). The form is PyBaMM's current-driven LAM (Reniers et al.,
    J. Electrochem. Soc. 166 A3189 (2019)); charge and discharge count alike (a charge-only or
    discharge-only law with the same total gives the same fade and CE within 0.01%: scratch runs of
    the 200 mA/g full cell). PyBaMM removes the Li of the lost particles with them
    (``Loss of lithium due to loss of active material in positive electrode [mol]``). ``T`` is
    unused (isothermal 25 C cells).
    """
    lam = pybamm.Parameter(NCM_CONTACT_LOSS)
    c_max = pybamm.Parameter("Maximum concentration in positive electrode [mol.m-3]")
    L = pybamm.Parameter("Positive electrode thickness [m]")
    return -lam * smooth_abs(i, 1e-3) / (pybamm.constants.F * c_max * L)


def ncm88_positive(loading_kg_m2: float = 0.175, source: str = HAL + ": NCM 15-20 mg/cm2 (midpoint)") -> dict:
    """NCM88 (LiNi0.88Co0.09Mn0.03O2) composite NCM:LIC:VGCF = 70:25:5, pressed at 400 MPa.

    Transport, OCP and kinetics start from PyBaMM's Chen2020 NMC811 (LG M50). The NCM88's own
    first-cycle loss is kinetic (:func:`ncm_diffusivity`: D_Li collapses towards full lithiation);
    the initial stoichiometry and the collapse onset are fitted to the HAL pre-lithiated full cell
    (scripts/fit_ncm88.py).
    """
    chen = pybamm.ParameterValues("Chen2020")
    src = "Chen et al. J. Electrochem. Soc. 167 080534 (2020), PyBaMM Chen2020 NMC811 (start for NCM88)"
    return {
        "NCM88 mass loading [kg.m-2]": reported(loading_kg_m2, source),
        "NCM88 composite NCM mass fraction": reported(0.70, HAL + ": NCM:LIC:VGCF = 70:25:5"),
        "NCM88 composite LIC mass fraction": reported(0.25, HAL + ": NCM:LIC:VGCF = 70:25:5"),
        "NCM88 composite VGCF mass fraction": reported(0.05, HAL + ": NCM:LIC:VGCF = 70:25:5"),
        "NCM88 density [kg.m-3]": literature(4750.0, "Ni-rich layered oxide, ~4.75 g/cm3"),
        "VGCF density [kg.m-3]": literature(2000.0, "vapour-grown carbon fibre"),
        "NCM88 composite porosity": assumed(0.15, "composite pressed at 400 MPa (HAL): ~85% dense"),
        "NCM88 practical capacity [mAh.g-1]": reported(200.0, HAL + ": NCM counted at 200 mAh/g for n/p"),
        "Maximum concentration in positive electrode [mol.m-3]": literature(
            chen["Maximum concentration in positive electrode [mol.m-3]"], src
        ),
        "Positive electrode OCP [V]": literature(chen["Positive electrode OCP [V]"], src),
        "Positive electrode OCP entropic change [V.K-1]": assumed(0.0, "isothermal 25 C cells"),
        "Positive particle diffusivity [m2.s-1]": literature(
            ncm_diffusivity(chen["Positive particle diffusivity [m2.s-1]"]),
            "form: Kasnatscheew et al. PCCP 18 3956 (2016) (kinetic 1st-cycle loss of NCM), Amin & "
            "Chiang J. Electrochem. Soc. 163 A1512 (2016) (GITT D_Li of NMC falls by orders of magnitude "
            "as Li_xMO2 -> x = 1); value away from the lithiated end: " + src,
        ),
        NCM_D_DECADES: literature(
            2.0,
            "GITT D_Li of layered NMC falls by one to a few orders of magnitude from mid-window to the "
            "lithiated end (Amin & Chiang J. Electrochem. Soc. 163 A1512 (2016); Kasnatscheew et al. PCCP "
            "18 3956 (2016)); 2 taken. 1 decade cannot give the reported loss at any onset >= 0.6; 3 "
            "decades (onset refitted to 0.836) give the same first cycles (scripts/fit_ncm88.py)",
        ),
        NCM_D_WIDTH: assumed(
            0.02,
            "the drop spans the last ~0.1 of the window (4-5 widths), as the GITT curves of Amin & Chiang "
            "2016 (shape not fitted)",
        ),
        NCM_D_ONSET: fitted(
            0.797,
            "HAL pre-lithiated full cell first discharge 199.9 mAh/g NCM (ICE 86.6%) at 20 mA/g to 2.5 V "
            "(scripts/fit_ncm88.py, with the initial stoichiometry). On the Chen2020 stoichiometry scale, "
            "which is not Li per formula unit (see NCM88 initial stoichiometry); the GITT drop of layered "
            "NMC sets in at x ~ 0.8-0.9 in Li_xMO2 (Amin & Chiang 2016), so within the literature range",
            "2026-11-21",
        ),
        "Positive particle radius [m]": literature(chen["Positive particle radius [m]"], src),
        "Positive electrode current-driven LAM rate": literature(
            ncm_contact_loss_rate,
            "form: Koerver et al. Chem. Mater. 29 5574 (2017) (NCM contact loss in sulfide SSBs), PyBaMM "
            "current-driven LAM (Reniers et al. J. Electrochem. Soc. 166 A3189 (2019))",
        ),
        NCM_CONTACT_LOSS: fitted(
            1.2e-3,
            "HAL full cell 80% retention after 200 cycles at 200 mA/g (scripts/fit_hal.py --full): 1.15e-3 "
            "gives 80.9%, 1.3e-3 78.7%. The fitted cell loses 15% of its NCM over the 200 cycles (0.08% per "
            "cycle); the paper reports no contact-loss measurement to check it against. Read only with the "
            "model option 'positive electrode loss of active material' (on in the HAL full cells)",
            "2026-11-22",
        ),
        "Positive electrode exchange-current density [A.m-2]": literature(
            _ncm_exchange_current(3.42e-6), src
        ),
        "Positive electrode conductivity [S.m-1]": assumed(
            10.0, "5 wt% VGCF network in a pressed composite (percolating, not limiting)"
        ),
        "Positive electrode Bruggeman coefficient (electrolyte)": literature(1.5, "Bruggeman"),
        "Positive electrode Bruggeman coefficient (electrode)": literature(1.5, "Bruggeman"),
        "Positive electrode charge transfer coefficient": literature(0.5, "symmetric"),
        "Positive electrode double-layer capacity [F.m-2]": assumed(
            0.2,
            "PyBaMM's default (20 uF/cm2), not measured for this interface; it enters only the small-signal "
            "impedance (sibamm.impedance.DoubleLayerEIS), where it sets the arc's apex frequency "
            "1/(2 pi R_ct C_dl A), not its diameter",
        ),
        "Positive current collector thickness [m]": assumed(
            10e-6, "stainless/Al current collector (not used)"
        ),
        "Positive current collector conductivity [S.m-1]": literature(3.55e7, "Al"),
        "NCM88 initial stoichiometry": fitted(
            0.9127,
            "HAL pre-lithiated full cell first charge 230.8 mAh/g NCM to 4.3 V at 20 mA/g "
            "(scripts/fit_ncm88.py); as-made NCM88 near Chen2020's discharged limit (0.908). UNPHYSICAL "
            "in absolute terms: Chen2020's c_max (63104 mol/m3) with the NCM88 density 4750 kg/m3 puts "
            "356 mAh/g between sto 0 and 1, above the 275 mAh/g theoretical capacity of "
            "LiNi0.88Co0.09Mn0.03O2, so 0.913 means ~325 mAh/g of Li in the NCM. Only differences "
            "(capacities) are read, and the Chen2020 OCP is defined on this scale",
            "2026-11-21",
        ),
    }
