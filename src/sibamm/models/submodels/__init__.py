"""Custom PyBaMM submodels for silicon electrodes: one physics per file."""

from .active_material.hollow_sphere_lam import HollowSphereSwellingLAM
from .conductivity.dense_film_ohm import DenseFilmOhm
from .conductivity.lithiation_dependent import LithiationDependentOhm
from .counter_electrode.li_in import LiInButlerVolmer, LiInOpenCircuitPotential, LiInSurfaceForm
from .electrolyte.single_ion_conductor import SingleIonConductor
from .interface.irreversible_conversion import IrreversibleConversion, Li2SFormation
from .interface.si_sei import FormationAndBreathingSEI
from .interface.space_charge_kinetics import SpaceChargeLimitedButlerVolmer
from .interface.sulfide_interphase import SulfideInterphase, SulfideInterphaseThickness
from .mechanics.inward_breathing import InwardBreathing
from .open_circuit_potential.silicon_phases import (
    CrystallineLi15Si4,
    PhaseTransformation,
    PristineCrystallineSi,
    SiliconPhaseOCP,
)
from .particle.dense_film import DenseFilmActiveMaterial, dense_film_geometry
from .particle.hollow_shell_diffusion import HollowShellDiffusion
from .porosity.swelling_porosity import SwellingPorosity

__all__ = [
    "CrystallineLi15Si4",
    "DenseFilmActiveMaterial",
    "DenseFilmOhm",
    "FormationAndBreathingSEI",
    "HollowShellDiffusion",
    "HollowSphereSwellingLAM",
    "InwardBreathing",
    "IrreversibleConversion",
    "Li2SFormation",
    "LiInButlerVolmer",
    "LiInOpenCircuitPotential",
    "LiInSurfaceForm",
    "LithiationDependentOhm",
    "PhaseTransformation",
    "PristineCrystallineSi",
    "SiliconPhaseOCP",
    "SingleIonConductor",
    "SpaceChargeLimitedButlerVolmer",
    "SulfideInterphase",
    "SulfideInterphaseThickness",
    "SwellingPorosity",
    "dense_film_geometry",
]
