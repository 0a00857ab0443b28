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
            sei = sm.FormationAndBreathingSEI(p, d, o, "primary")
            sei.with_li2s = opts["Li2S formation"] != "none"
            self.submodels[f"{d} primary sei"] = sei
        if opts["Li2S formation"] != "none":
            self.submodels[f"{d} Li2S formation"] = sm.Li2SFormation(p, d, o)
        self.submodels["porosity"] = sm.SwellingPorosity(p, o, d)
        if opts["Si conductivity"] == "lithiation dependent":
            self.submodels[f"{d} electrode potential"] = sm.LithiationDependentOhm(p, d, o)
        self.submodels[f"{d} particle inward breathing"] = sm.InwardBreathing(p, d, o)
        if build:
            self.build_model()

    def build_model(self):
        super().build_model()
        self._consumers_use_total_current_state()
        if self.cell_type == "half":
            vs_li = self.variables["Voltage [V]"]
        else:  # phi_s - phi_e: vs a Li reference in the electrolyte
            vs_li = self.variables["X-averaged negative electrode surface potential difference [V]"]
        self.variables["Si electrode potential vs Li [V]"] = vs_li
        D = self.si_domain.capitalize()
        # Li plating check: phi_s - phi_e at the Si/separator interface (< 0 V vs Li plates Li)
        side = "left" if self.cell_type == "half" else "right"
        self.variables["Si surface potential vs Li at the separator [V]"] = pybamm.boundary_value(
            self.variables[f"{D} electrode surface potential difference [V]"], side
        )
        self.variables.update(si_aliases(self.variables, self.cell_type))

    def _consumers_use_total_current_state(self):
        """Let charge and electrolyte conservation read the total interfacial current *state*.

        PyBaMM keeps ``j_tot`` as an algebraic state (``j_tot = sum a j_k / a``) for the SEI film
        resistance, but Ohm's law, electrolyte conduction and electrolyte conservation still read
        the full expression ``sum a j_k``, which carries the OCP, phase and SEI kinetics. Replacing
        it there by ``a j_tot`` is exact on the solution (the algebraic equation holds) and makes
        those rows depend on one state instead of every state of the kinetics: the Jacobian has
        about a fifth fewer non-zeros. The algebraic equation of ``j_tot`` keeps the expression.
        """
        d, D = self.si_domain, self.si_domain.capitalize()
        name = f"Total {d} electrode interfacial current density variable [A.m-2]"
        if name not in self.variables:
            return
        j_tot = self.variables[name]
        a_j = self.variables[f"Sum of {d} electrode volumetric interfacial current densities [A.m-3]"]
        a = self.variables[f"{D} electrode surface area to volume ratio [m-1]"]
        mapping, cache = {a_j: a * j_tot}, {}
        for equations in (self.rhs, self.algebraic):
            for var, eq in equations.items():
                if var.name != name:
                    equations[var] = pybamm.replace(eq, mapping, cache)

    @property
    def default_geometry(self):
        geometry = super().default_geometry
        if self.sibamm_options["particle shape"] == "hollow sphere":
            d = self.si_domain
            geometry[f"{d} particle"][f"r_{d[0]}"]["min"] = pybamm.Parameter(
                f"{d.capitalize()} particle inner radius [m]"
            )
        return geometry
