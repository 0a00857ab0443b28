#
# SEI on Si: first-cycle formation on the internal surface + growth on fresh outer surface
#
import pybamm

from ..smooth import smooth_positive
from .irreversible_conversion import CarriesConversions


class FormationAndBreathingSEI(CarriesConversions, pybamm.sei.SEIGrowth):
    """C-Li: SEI on Si in a carbonate (FEC-containing) electrolyte, three additive terms.

    1. **Formation** on the whole wetted (BET) surface in the first lithiation, a
       self-limiting cathodic reaction (cf. the passivation limit in Tahmasbi et al.
       2001; Attia et al. 2019):
       ``j_f = -j0_f max(1 - q, 0) exp(-F (dphi - U_f) / (2 R T))`` with ``q`` the
       formed SEI Li over the formation capacity ``Gamma_f S_BET rho_Si eps_s``.
    2. **Fresh surface**: when Si expands, the SEI on it cracks and re-forms on the new
       area, ``j_b = -F Gamma_b (2/3) (r_BET + 1) (r_skel)_+ f_frac``, with ``r_skel`` the
       Si skeleton's volumetric strain rate and ``f_frac`` the rate-dependent fracture
       factor of :class:`InwardBreathing`; the internal (BET) surface is ``r_BET`` times the
       outer one. (The outer surface's own strain adds < 1/r_BET to this and is left out,
       which keeps SEI free of the geometry states.)
    3. **Slow growth** through the existing film: PyBaMM's solvent-diffusion-limited
       law (Marquis 2020, Ploehn et al. 2004), ``j_d = -D_sol c_sol F / L_SEI``.

    All current densities are per unit outer surface, as in PyBaMM. The Li consumed is
    PyBaMM's ``Loss of lithium to ... SEI``.

    When the electrode also converts an impurity irreversibly (:class:`IrreversibleConversion`,
    e.g. S to Li2S), that side current is added to this interfacial current (same electrons,
    same Li+ from the electrolyte) but kept out of the SEI film and its Li count.
    """

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        pp = self.phase_param
        F, R = self.param.F, self.param.R
        T = variables[f"{Domain} electrode temperature [K]"]
        dphi = variables[f"{Domain} electrode surface potential difference [V]"]
        L_sei = variables[f"{Domain} SEI thickness [m]"]
        c_sei = variables[f"{Domain} SEI concentration [mol.m-3]"]
        eps_s0 = pybamm.Parameter(f"{Domain} electrode active material volume fraction")

        def p(name):
            return pybamm.Parameter(f"{Domain} electrode {name}")

        rho_si = p("active material density [kg.m-3]")
        s_bet = p("specific surface area (BET) [m2.kg-1]")
        c_form = p("SEI formation capacity [mol.m-2]") * s_bet * rho_si * eps_s0 / pp.z_sei
        c_sei_0 = pp.L_sei_0 * pp.a_typ / pp.V_bar_sei
        q = (c_sei - c_sei_0) / c_form
        F_RT = F / (R * T)
        j_form = (
            -p("SEI formation exchange current density [A.m-2]")
            * smooth_positive(1 - q, 1e-3)
            * pybamm.exp(-0.5 * F_RT * (dphi - p("SEI formation potential [V]")))
        )
        r_skel = variables[f"{Domain} particle skeleton volumetric strain rate [s-1]"]
        R_out, R_in = pp.R, pybamm.Parameter(f"{Domain} particle inner radius [m]")
        eps_sh = pybamm.Parameter(f"{Domain} particle shell porosity")
        outer_area_per_mass = 3 * R_out**2 / (rho_si * (1 - eps_sh) * (R_out**3 - R_in**3))
        roughness = pybamm.maximum(s_bet / outer_area_per_mass, 1)
        fracture = variables[f"{Domain} particle fracture rate factor"]
        area_rate = 2 / 3 * (roughness + 1) * smooth_positive(r_skel) * fracture
        j_fresh = -F * p("fresh-surface SEI capacity [mol.m-2]") * area_rate
        j_diff = -pp.D_sol * pp.c_sol * F / L_sei
        arrhenius = pybamm.exp(pp.E_sei / R * (1 / self.param.T_ref - 1 / T))
        j_sei = arrhenius * (j_form + j_diff) + j_fresh
        j_sei = j_sei + self._conversion_current(variables)
        variables.update(
            {
                f"{Domain} electrode SEI formation progress": q,
                f"X-averaged {domain} electrode SEI formation progress": pybamm.x_average(q),
            }
        )
        variables.update(self._get_standard_reaction_variables(j_sei))
        variables.update(pybamm.sei.BaseModel.get_coupled_variables(self, variables))
        return variables

    def set_rhs(self, variables):
        super().set_rhs(variables)
        self._keep_conversions_out_of_film(variables)
