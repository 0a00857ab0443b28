"""Si half and full cells: PyBaMM's DFN with sibamm's silicon submodels."""

from __future__ import annotations

import pybamm

from ..naming import si_aliases
from . import submodels as sm
from .options import resolve_options


class SiliconDFN(pybamm.lithium_ion.DFN):
    """Doyle-Fuller-Newman model of a Si electrode in a half or full cell.

    In a half cell the Si electrode is PyBaMM's *positive* (working) electrode against
    Li metal (or Li-In); in a full cell it is the *negative* electrode. Every variable of
    the Si electrode is also published as ``"Si ..."`` (for example
    ``"X-averaged Si particle outer radius [m]"``), so users never need the slot.

    Solid-state cells (issue 4, HAL): ``"electrolyte": "single-ion solid"`` replaces the
    liquid by a single-ion conductor (:class:`~sibamm.models.submodels.SingleIonConductor`),
    ``"counter electrode": "Li-In"`` puts a Li-In alloy at 0.62 V vs Li in the half cell
    (``Voltage [V]`` is then vs Li-In, ``Voltage vs Li [V]`` is published), ``"particle shape":
    "dense film"`` models an electrolyte-free Si film as a planar slab fed from its SE face
    (:func:`~sibamm.models.submodels.dense_film_geometry`,
    :class:`~sibamm.models.submodels.DenseFilmOhm`), ``"SEI": "sulfide interphase"`` the
    Si|Li6PS5Cl interphase (:class:`~sibamm.models.submodels.SulfideInterphase`) and
    ``"residual AlCl3": "lithiated"`` the irreversible lithiation of residual AlCl3
    (:class:`~sibamm.models.submodels.IrreversibleConversion`), ``"interface kinetics": "space-charge
    limited"`` the electron supply of Li-poor Si in series with the Butler-Volmer kinetics
    (:class:`~sibamm.models.submodels.SpaceChargeLimitedButlerVolmer`). The parameter names are
    listed in ``docs/solid_state_model.md`` and in the submodels' docstrings.

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
        solid = opts["electrolyte"] == "single-ion solid"
        film = opts["particle shape"] == "dense film"

        def si_only(value, other="none"):
            return (other, value) if half else (value, other)

        pybamm_options = {
            "SEI": si_only("solvent-diffusion limited" if opts["SEI"] != "none" else "none"),
            "open-circuit potential": si_only("one-state hysteresis", "single"),
            "loss of active material": si_only(
                "current-driven",
                "current-driven" if opts["positive electrode loss of active material"] != "none" else "none",
            ),
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
        if film:
            self.submodels[f"{d} primary active material"] = sm.DenseFilmActiveMaterial(p, d, o)
        else:
            self.submodels[f"{d} primary active material"] = sm.HollowSphereSwellingLAM(
                p, d, o, swelling_driven=opts["loss of active material"] != "none"
            )
        ocp = sm.SiliconPhaseOCP(p, d, "lithium-ion main", o, "primary", transformations=phases)
        ocp.planar = film
        self.submodels[f"{d} primary open-circuit potential"] = ocp
        if opts["interface kinetics"] == "space-charge limited":
            self.submodels[f"{d} primary interface"] = sm.SpaceChargeLimitedButlerVolmer(
                p, d, "lithium-ion main", o, "primary"
            )
        conversions = []
        if opts["Li2S formation"] != "none":
            conversions.append("Li2S")
            self.submodels[f"{d} Li2S formation"] = sm.Li2SFormation(p, d, o)
        if opts["residual AlCl3"] != "none":
            conversions.append("AlCl3")
            self.submodels[f"{d} AlCl3 lithiation"] = sm.IrreversibleConversion(p, d, o, prefix="AlCl3")
        if opts["SEI"] == "formation and breathing":
            sei = sm.FormationAndBreathingSEI(p, d, o, "primary")
        elif opts["SEI"] == "sulfide interphase":
            sei = sm.SulfideInterphase(p, d, o, "primary")
            self.submodels[f"{d} primary sei thickness"] = sm.SulfideInterphaseThickness(p, d, o, "primary")
        if opts["SEI"] != "none":
            sei.conversions = tuple(conversions)
            self.submodels[f"{d} primary sei"] = sei
        if film:  # no pores to fill: constant (zero) SE fraction in the film
            self.submodels["porosity"] = pybamm.porosity.Constant(p, o)
            self.submodels[f"{d} electrode potential"] = sm.DenseFilmOhm(p, d, o)
        else:
            self.submodels["porosity"] = sm.SwellingPorosity(p, o, d)
            if opts["Si conductivity"] == "lithiation dependent":
                self.submodels[f"{d} electrode potential"] = sm.LithiationDependentOhm(p, d, o)
        self.submodels[f"{d} particle inward breathing"] = sm.InwardBreathing(p, d, o)
        if solid:
            self.submodels["electrolyte diffusion"] = pybamm.electrolyte_diffusion.ConstantConcentration(p, o)
            self.submodels["electrolyte conductivity"] = sm.SingleIonConductor(p, o, d, dense_film=film)
        if opts["counter electrode"] == "Li-In":
            self.submodels["negative primary open-circuit potential"] = sm.LiInOpenCircuitPotential(
                p, "negative", "lithium metal plating", o, "primary"
            )
            self.submodels["negative electrode interface"] = sm.LiInButlerVolmer(
                p, "negative", "lithium metal plating", o, "primary"
            )
            if isinstance(
                self.submodels["negative electrode potential"], pybamm.electrode.ohm.LithiumMetalSurfaceForm
            ):
                self.submodels["negative electrode potential"] = sm.LiInSurfaceForm(p, "negative", o)
        if build:
            self.build_model()

    def build_model(self):
        super().build_model()
        self._consumers_use_total_current_state()
        opts = self.sibamm_options
        V = self.variables["Voltage [V]"]
        if self.cell_type == "half":
            if opts["counter electrode"] == "Li-In":
                u_ce = pybamm.Parameter("Negative electrode Li-In open-circuit potential [V]")
                vs_li = V + u_ce
                self.variables["Voltage vs Li-In [V]"] = V
            else:
                vs_li = V
            self.variables["Voltage vs Li [V]"] = vs_li
        else:  # phi_s - phi_e: vs a Li reference in the electrolyte
            vs_li = self.variables["X-averaged negative electrode surface potential difference [V]"]
        self.variables["Si electrode potential vs Li [V]"] = vs_li
        d = self.si_domain
        D = d.capitalize()
        # Li plating check: phi_s - phi_e at the Si/separator interface (< 0 V vs Li plates Li);
        # frame-independent (the Si OCP is vs Li), and for a dense film the SE face itself
        side = "left" if self.cell_type == "half" else "right"
        dphi = self.variables[f"{D} electrode surface potential difference [V]"]
        self.variables["Si surface potential vs Li at the separator [V]"] = (
            pybamm.x_average(dphi)
            if opts["particle shape"] == "dense film"
            else pybamm.boundary_value(dphi, side)
        )
        if opts["SEI"] == "sulfide interphase":
            self._interface_resistances(d)
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

    def _interface_resistances(self, d):
        """EIS-comparable resistances of the Si|SE interface (linearised, per cell).

        ``R_ct = R T / (F i0 A) + R T / (2 F j_sc A) + R_int / A`` with ``A`` the Si|SE interface
        area: the small-signal (linearised Butler-Volmer) charge-transfer resistance of the main
        reaction in series with the space-charge step of Li-poor Si (when that option is on,
        :class:`SpaceChargeLimitedButlerVolmer`) and the interphase (:class:`SulfideInterphase`), to
        compare with the EIS-fitted Rct of the HAL paper.
        """
        v = self.variables
        a = v[f"X-averaged {d} electrode surface area to volume ratio [m-1]"]
        area = a * self.param.domain_params[d].L * self.param.L_y * self.param.L_z  # Si|SE area [m2]
        R_int = v[f"X-averaged {d} electrode interphase resistance [Ohm.m2]"]
        i0 = v[f"X-averaged {d} electrode exchange current density [A.m-2]"]
        T = v[f"X-averaged {d} electrode temperature [K]"]
        R_kin = self.param.R * T / (self.param.F * i0 * area)
        j_sc = v.get(f"X-averaged {d} electrode space-charge exchange current density [A.m-2]")
        R_sc = pybamm.Scalar(0) if j_sc is None else self.param.R * T / (2 * self.param.F * j_sc * area)
        v.update(
            {
                "Si interphase resistance [Ohm.m2]": R_int,
                "Si interfacial resistance [Ohm]": R_int / area,
                "Si kinetic charge-transfer resistance [Ohm]": R_kin,
                "Si space-charge resistance [Ohm]": R_sc,
                "Si charge-transfer resistance [Ohm]": R_kin + R_sc + R_int / area,
                "Si interface area [m2]": area,
                "Si sulfide interphase thickness [m]": v[
                    f"X-averaged {d} electrode sulfide interphase thickness [m]"
                ],
                "Si interfacial contact loss": v[f"X-averaged {d} electrode interfacial contact loss"],
            }
        )

    @property
    def default_geometry(self):
        geometry = super().default_geometry
        d = self.si_domain
        shape = self.sibamm_options["particle shape"]
        if shape == "hollow sphere":
            geometry[f"{d} particle"][f"r_{d[0]}"]["min"] = pybamm.Parameter(
                f"{d.capitalize()} particle inner radius [m]"
            )
        elif shape == "dense film":
            geometry = sm.dense_film_geometry(geometry, d)
        return geometry

    @property
    def default_var_pts(self):
        var_pts = super().default_var_pts
        if self.sibamm_options["particle shape"] == "dense film":
            # the film carries one potential; 3 points (not 1) because PyBaMM extrapolates boundary
            # values quadratically; all slabs see the same potentials and stay identical
            var_pts[f"x_{self.si_domain[0]}"] = 3
        return var_pts
