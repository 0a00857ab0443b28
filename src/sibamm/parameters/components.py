"""Electrode recipes, electrolytes, counter and positive electrodes (sibamm names)."""

from __future__ import annotations

import pybamm

from .provenance import assumed, literature, reported

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
        "Positive electrode double-layer capacity [F.m-2]": literature(0.2, "PyBaMM default"),
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
