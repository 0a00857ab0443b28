#
# Li2S formation in S-doped Si: 2 Li per S, first lithiation, irreversible
#
import pybamm


class Li2SFormation(pybamm.BaseSubModel):
    """Irreversible conversion of the substitutional S of quasi-metallic Si into Li2S.

    On the first lithiation each S atom takes 2 Li and forms a Li2S nanocrystal that stays
    in the particle (QMS paper, SCIENCE.md section QMS). The conversion ``q`` (0 -> 1) of
    the S at each electrode position follows a first-order, cathodically activated law

    .. math:: \\dot q = k_S\\, (1 - q)\\, \\exp\\left(-\\frac{F (\\Delta\\phi - U_S)}{2 R T}\\right)

    with ``Delta phi`` the Si surface potential vs Li, so it happens only as the electrode
    lithiates and never reverses. The Li comes through the interface as a side current
    ``j_S = -F c_S \\dot q / a`` (per outer surface, ``c_S`` the Li2S Li per electrode volume at
    full conversion), which :class:`FormationAndBreathingSEI` adds to its interfacial current
    but keeps out of the SEI film. The trapped Li is published as
    ``Loss of lithium to <domain> Li2S [mol]``: its own line of the Li inventory.
    """

    def __init__(self, param, domain, options):
        super().__init__(param, domain, options=options)

    def _p(self, name):
        return pybamm.Parameter(f"{self.domain.capitalize()} electrode {name}")

    def get_fundamental_variables(self):
        domain, Domain = self.domain_Domain
        q = pybamm.Variable(
            f"{Domain} electrode Li2S conversion",
            domains={"primary": f"{domain} electrode", "secondary": "current collector"},
        )
        return {
            f"{Domain} electrode Li2S conversion": q,
            f"X-averaged {domain} electrode Li2S conversion": pybamm.x_average(q),
        }

    def _li2s_capacity(self):
        """Li as Li2S at full conversion [mol per m3 of electrode]."""
        return self._p("Li2S lithium content [mol.m-3]") * pybamm.Parameter(
            f"{self.domain.capitalize()} electrode active material volume fraction"
        )

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        F, R = self.param.F, self.param.R
        q = variables[f"{Domain} electrode Li2S conversion"]
        T = variables[f"{Domain} electrode temperature [K]"]
        dphi = variables[f"{Domain} electrode surface potential difference [V]"]
        a = variables[f"{Domain} electrode surface area to volume ratio [m-1]"]
        rate = (
            self._p("Li2S formation rate constant [s-1]")
            * (1 - q)
            * pybamm.exp(-0.5 * F / (R * T) * (dphi - self._p("Li2S formation potential [V]")))
        )
        c_s = self._li2s_capacity()
        j_s = -F * c_s * rate / a
        L = self.param.domain_params[domain].L
        trapped = pybamm.x_average(q) * c_s * L * self.param.L_y * self.param.L_z
        variables.update(
            {
                f"{Domain} electrode Li2S formation rate [s-1]": rate,
                f"{Domain} electrode Li2S interfacial current density [A.m-2]": j_s,
                f"Loss of lithium to {domain} Li2S [mol]": trapped,
                f"Loss of capacity to {domain} Li2S [A.h]": trapped * F / 3600,
            }
        )
        return variables

    def set_rhs(self, variables):
        Domain = self.domain.capitalize()
        q = variables[f"{Domain} electrode Li2S conversion"]
        self.rhs = {q: variables[f"{Domain} electrode Li2S formation rate [s-1]"]}

    def set_initial_conditions(self, variables):
        Domain = self.domain.capitalize()
        q = variables[f"{Domain} electrode Li2S conversion"]
        self.initial_conditions = {q: self._p("initial Li2S conversion")}
