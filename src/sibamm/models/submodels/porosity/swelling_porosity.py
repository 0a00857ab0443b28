#
# Electrode porosity that follows particle swelling and SEI growth
#
import pybamm


class SwellingPorosity(pybamm.porosity.BaseModel):
    """Porosity of the Si electrode reduced by the part of particle swelling that fills pores.

    A fraction ``f_L`` ("swelling thickness fraction") of the particles' outer volume
    change thickens the electrode; the remaining ``1 - f_L`` fills electrode pores (see
    :class:`sibamm.models.submodels.InwardBreathing`; SEI grows mostly on the internal pore
    surface and is accommodated inside the particles first):

    .. math:: \\partial_t \\varepsilon = -(1 - f_L)\\, \\varepsilon_{o,0}\\, \\dot V_{out}

    Approximation: porosity is pore volume per *reference* electrode volume, on PyBaMM's
    fixed mesh; the longer transport path of a thicker electrode is neglected. The
    electrolyte mass balance sees the porosity change through PyBaMM's standard
    ``Porosity change`` variable. Other domains keep constant porosity.
    """

    def __init__(self, param, options, si_domain):
        super().__init__(param, options)
        self.si_domain = si_domain

    def get_fundamental_variables(self):
        eps_dict = {}
        for domain in self.options.whole_cell_domains:
            if domain == f"{self.si_domain} electrode":
                eps_dict[domain] = pybamm.Variable(
                    f"{domain.capitalize()} porosity",
                    domain=domain,
                    auxiliary_domains={"secondary": "current collector"},
                    bounds=(0, 1),
                )
            else:
                eps_dict[domain] = self.param.domain_params[domain.split()[0]].epsilon_init
        return self._get_standard_porosity_variables(eps_dict)

    def get_coupled_variables(self, variables):
        d = self.si_domain
        D = d.capitalize()
        f_L = pybamm.Parameter(f"{D} electrode swelling thickness fraction")
        eps_o0 = variables[f"{D} particle outer volume fraction at reference"]
        dv_out_dt = variables[f"{D} particle outer volume change rate from lithiation [s-1]"]
        per_sei = variables[f"{D} particle outer volume change per SEI current [m3.A-1]"]
        sei_name = f"{D} electrode SEI volumetric interfacial current density [A.m-3]"
        if sei_name in variables or getattr(self.options, d)["SEI"] != "none":
            dv_out_dt = dv_out_dt - per_sei * variables[sei_name]
        depsdt = {}
        for domain in self.options.whole_cell_domains:
            if domain == f"{d} electrode":
                depsdt[domain] = -(1 - f_L) * eps_o0 * dv_out_dt
            else:
                depsdt[domain] = pybamm.FullBroadcast(0, domain, "current collector")
        variables.update(self._get_standard_porosity_change_variables(depsdt))
        return variables

    def set_rhs(self, variables):
        D = self.si_domain.capitalize()
        eps = variables[f"{D} electrode porosity"]
        self.rhs = {eps: variables[f"{D} electrode porosity change [s-1]"]}

    def set_initial_conditions(self, variables):
        D = self.si_domain.capitalize()
        eps = variables[f"{D} electrode porosity"]
        self.initial_conditions = {eps: self.param.domain_params[self.si_domain].epsilon_init}

    def add_events_from(self, variables):
        D = self.si_domain.capitalize()
        self.events.append(
            pybamm.Event(
                f"Zero {self.si_domain} electrode porosity cut-off",
                pybamm.min(variables[f"{D} electrode porosity"]) - 0.01,
                pybamm.EventType.TERMINATION,
            )
        )
