"""Si half and full cells: PyBaMM's DFN with sibamm's silicon submodels."""

from __future__ import annotations

import pybamm

from ..naming import si_aliases
from . import submodels as sm
from .options import resolve_options


class SiliconDFN(pybamm.lithium_ion.DFN):
    """Doyle-Fuller-Newman model of a Si electrode in a half or full cell.

    In a half cell the Si electrode is PyBaMM's *positive* (working) electrode against
    Li metal; in a full cell it is the *negative* electrode. Every variable of the Si
    electrode is also published as ``"Si ..."`` (for example
    ``"X-averaged Si particle outer radius [m]"``), so users never need the slot.

    Parameters
    ----------
    options : dict, optional
        sibamm options (see :data:`sibamm.models.options.SIBAMM_OPTIONS`), e.g.
        ``{"cell": "full", "particle shape": "hollow sphere"}``.
    name : str, optional
    build : bool, optional
    """

    def __init__(self, options=None, name=None, build=True):
        self.sibamm_options = resolve_options(options)
        opts = self.sibamm_options
        self.cell_type = opts["cell"]
        half = self.cell_type == "half"
        self.si_domain = d = "positive" if half else "negative"

        def si_only(value, other="none"):
            return (other, value) if half else (value, other)

        pybamm_options = {
            "SEI": si_only("solvent-diffusion limited" if opts["SEI"] != "none" else "none"),
            "open-circuit potential": si_only("one-state hysteresis", "single"),
            "loss of active material": si_only("current-driven"),
        }
        if half:
            pybamm_options["working electrode"] = "positive"
        super().__init__(pybamm_options, name or f"sibamm Si {self.cell_type} cell", build=False)

        p, o = self.param, self.options
        phases = {
            "amorphous": (),
            "pristine crystalline": (sm.PristineCrystallineSi,),
            "pristine crystalline and Li15Si4": (sm.PristineCrystallineSi, sm.CrystallineLi15Si4),
        }[opts["silicon phases"]]
        self.submodels[f"{d} primary particle"] = sm.HollowShellDiffusion(p, d, o, "primary")
        self.submodels[f"{d} primary active material"] = sm.HollowSphereSwellingLAM(
            p, d, o, swelling_driven=opts["loss of active material"] != "none"
        )
        self.submodels[f"{d} primary open-circuit potential"] = sm.SiliconPhaseOCP(
            p, d, "lithium-ion main", o, "primary", transformations=phases
        )
        if opts["SEI"] != "none":
            self.submodels[f"{d} primary sei"] = sm.FormationAndBreathingSEI(p, d, o, "primary")
        self.submodels["porosity"] = sm.SwellingPorosity(p, o, d)
        if opts["Si conductivity"] == "lithiation dependent":
            self.submodels[f"{d} electrode potential"] = sm.LithiationDependentOhm(p, d, o)
        self.submodels[f"{d} particle inward breathing"] = sm.InwardBreathing(p, d, o)
        if build:
            self.build_model()

    def build_model(self):
        super().build_model()
        if self.cell_type == "half":
            vs_li = self.variables["Voltage [V]"]
        else:  # phi_s - phi_e: vs a Li reference in the electrolyte
            vs_li = self.variables["X-averaged negative electrode surface potential difference [V]"]
        self.variables["Si electrode potential vs Li [V]"] = vs_li
        self.variables.update(si_aliases(self.variables, self.cell_type))

    @property
    def default_geometry(self):
        geometry = super().default_geometry
        if self.sibamm_options["particle shape"] == "hollow sphere":
            d = self.si_domain
            geometry[f"{d} particle"][f"r_{d[0]}"]["min"] = pybamm.Parameter(
                f"{d.capitalize()} particle inner radius [m]"
            )
        return geometry
