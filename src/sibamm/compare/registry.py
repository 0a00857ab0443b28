"""What a design may be made of: the Si materials, electrolytes and cathodes of the design space.

Every entry names the axis value users write and where its parameters come from. Materials
resolve through :data:`sibamm.parameters.materials.MATERIALS` when a design is built, so a
material that another issue adds to that registry becomes available here without code
changes; until then a design that asks for it is rejected with the issue that ships it.
The same holds for the sulfide electrolyte and the NCM88 cathode (issue 4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..parameters import components as comp
from ..parameters.materials import MATERIALS


@dataclass(frozen=True)
class SiMaterialEntry:
    """A Si material of the design space.

    ``registry`` lists the keys tried in :data:`MATERIALS` (``{x}`` is replaced by the
    material's own parameter, e.g. the S doping of QMS(x)). ``architecture`` is the
    electrode the paper built: ``"porous"`` (flooded or SE-filled composite) or ``"dense"``
    (an SE-free Si layer, HAL paper). ``hollow`` says whether the particle has an inner radius.
    ``parameter`` is the material-specific axis (``s_doping`` or ``alcl3_fraction``) or None.
    """

    name: str
    description: str
    registry: tuple
    issue: int
    architecture: str
    electrolytes: tuple
    hollow: bool
    parameter: str | None = None
    parameter_default: float | None = None
    parameter_range: tuple = (0.0, 1.0)
    #: words that name the material's parameter in the registry (for the override)
    parameter_words: tuple = ()

    def registry_key(self, x: float | None) -> str | None:
        """The first key of :data:`MATERIALS` that provides this material, or None."""
        for key in self.registry:
            key = key.format(x=f"{x:g}" if x is not None else "")
            if key in MATERIALS:
                return key
        return None


SI_MATERIALS = {
    m.name: m
    for m in (
        SiMaterialEntry(
            "HPSS@C",
            "carbon-coated hollow porous Si microspheres (HPSS paper)",
            ("HPSS@C",),
            1,
            "porous",
            ("liquid",),
            True,
        ),
        SiMaterialEntry(
            "HPSS",
            "uncoated hollow porous Si microspheres (HPSS paper)",
            ("HPSS",),
            1,
            "porous",
            ("liquid",),
            True,
        ),
        SiMaterialEntry(
            "QMS",
            "S-doped quasi-metallic hollow Si, QMS(x) with x the S doping (QMS paper)",
            ("QMS({x})", "QMS"),
            5,
            "porous",
            ("liquid",),
            True,
            parameter="s_doping",
            parameter_default=0.7,
            parameter_range=(0.0, 1.0),
            parameter_words=("S doping", "sulfur", "Sulfur"),
        ),
        SiMaterialEntry(
            "Si@AlCl3",
            "surface-halogenated micro-Si, Si@AlCl3-x with x the AlCl3 mass fraction (HAL paper)",
            ("Si@AlCl3-{x}", "Si@AlCl3"),
            4,
            "dense",
            ("sulfide",),
            False,
            parameter="alcl3_fraction",
            parameter_default=0.10,
            parameter_range=(0.0, 0.5),
            parameter_words=("AlCl3",),
        ),
        SiMaterialEntry(
            "uSi",
            "bare micro-Si, 1-3 um with native SiO2 (HAL paper)",
            ("uSi", "μSi"),
            4,
            "dense",
            ("sulfide",),
            False,
        ),
        SiMaterialEntry(
            "pc-SiNP",
            "polycrystalline ~150 nm Si nanoparticles in Si/CNT secondary particles (FRM paper)",
            ("pc-SiNP",),
            3,
            "porous",
            ("liquid",),
            False,
        ),
        SiMaterialEntry(
            "sc-SiNP",
            "single-crystalline 30-50 nm Si nanoparticles in Si/CNT secondary particles (FRM paper)",
            ("sc-SiNP",),
            3,
            "porous",
            ("liquid",),
            False,
        ),
    )
}
#: spellings users may write for a material name
MATERIAL_ALIASES = {"μSi": "uSi", "muSi": "uSi", "microSi": "uSi", "SiNP": "pc-SiNP"}


@dataclass(frozen=True)
class ElectrolyteEntry:
    """An electrolyte of the design space and the counter electrode of its half cells."""

    name: str
    description: str
    issue: int
    component: Callable[[], dict] | None
    separator: Callable[[], dict] | None
    counter: Callable[[], dict] | None
    cathodes: tuple
    default_cathode: str


ELECTROLYTES = {
    "liquid": ElectrolyteEntry(
        "liquid",
        "1.3 M LiPF6 EC/DEC 3:7 + 10% FEC, Celgard 2400, Li metal counter electrode",
        1,
        comp.carbonate_electrolyte,
        comp.celgard_2400,
        comp.lithium_metal_counter,
        ("LCO",),
        "LCO",
    ),
    "sulfide": ElectrolyteEntry(
        "sulfide",
        "Li6PS5Cl (LPSC) pellet, Li-In counter electrode (HAL paper)",
        4,
        getattr(comp, "lpsc_electrolyte", None),
        getattr(comp, "lpsc_separator", None),
        getattr(comp, "li_in_counter", None),
        ("NCM88",),
        "NCM88",
    ),
}


@dataclass(frozen=True)
class CathodeEntry:
    """A positive electrode for full cells: its parts from the areal capacity, and nominal numbers."""

    name: str
    description: str
    issue: int
    parts: Callable[[float], dict] | None
    #: practical specific capacity [mAh/g] and mean discharge potential vs Li [V]
    specific_capacity: float
    mean_potential: float
    active_mass_fraction: float


def _lco_parts(loading_kg_m2: float) -> dict:
    return comp.lco_positive(loading_kg_m2, "design comparison: LCO loading from the design's areal capacity")


CATHODES = {
    "LCO": CathodeEntry(
        "LCO",
        "LiCoO2 (Dualfoil / PyBaMM Ai2020), LCO:Super-P:PVdF 95:2.5:2.5",
        1,
        _lco_parts,
        150.0,
        3.9,
        0.95,
    ),
    "NCM88": CathodeEntry(
        "NCM88",
        "LiNi0.88Co0.09Mn0.03O2 with Li3InCl6 and VGCF (HAL paper)",
        4,
        getattr(comp, "ncm88_positive", None),
        200.0,
        3.8,
        0.70,
    ),
}


def shipped_materials() -> list[str]:
    """Design-space material names whose parameters exist in the material registry today."""
    return [
        name
        for name, m in SI_MATERIALS.items()
        if m.registry_key(m.parameter_default if m.parameter else None) is not None
    ]


def shipped_electrolytes() -> list[str]:
    return [name for name, e in ELECTROLYTES.items() if e.component is not None]
