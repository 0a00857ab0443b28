"""Custom PyBaMM submodels for silicon electrodes: one physics per file."""

from .active_material.hollow_sphere_lam import HollowSphereSwellingLAM
from .conductivity.lithiation_dependent import LithiationDependentOhm
from .interface.si_sei import FormationAndBreathingSEI
from .mechanics.inward_breathing import InwardBreathing
from .open_circuit_potential.silicon_phases import (
    CrystallineLi15Si4,
    PhaseTransformation,
    PristineCrystallineSi,
    SiliconPhaseOCP,
)
from .particle.hollow_shell_diffusion import HollowShellDiffusion
from .porosity.swelling_porosity import SwellingPorosity

__all__ = [
    "CrystallineLi15Si4",
    "FormationAndBreathingSEI",
    "HollowShellDiffusion",
    "HollowSphereSwellingLAM",
    "InwardBreathing",
    "LithiationDependentOhm",
    "PhaseTransformation",
    "PristineCrystallineSi",
    "SiliconPhaseOCP",
    "SwellingPorosity",
]
