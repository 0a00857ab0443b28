#
# Electronic conduction of a Si electrode whose Si phase conducts better when lithiated
#
import pybamm


def si_phase_conductivity(sto, sigma_si, sigma_lisi, sto_half, width):
    """Electronic conductivity of the LixSi phase [S/m], log-sigmoidal in lithiation.

    ``ln sigma = ln sigma_Si + ln(sigma_LiSi / sigma_Si) S((sto - sto_half)/width)``
    with S the logistic function: undoped Si is a semiconductor (~1e-3 S/m for a
    pellet, QMS paper) and LixSi becomes metallic on lithiation (Pollak et al., Phys.
    Rev. Lett. 2009). Later materials set the end points (S doping, surface layers).
    """
    s = 1 / (1 + pybamm.exp(-(sto - sto_half) / width))
    return sigma_si * pybamm.exp(pybamm.log(sigma_lisi / sigma_si) * s)


def electrode_si_phase_conductivity(sto, Domain, delithiated_factor=1):
    """:func:`si_phase_conductivity` with the ``{Domain} electrode Si phase conductivity ...`` parameters
    (delithiated and lithiated values, transition stoichiometry and width): one law for the electronic
    paths and the space-charge kinetics. ``delithiated_factor`` scales the delithiated end point (the
    space-charge kinetics' amorphised face)."""

    def p(name):
        return pybamm.Parameter(f"{Domain} electrode Si phase conductivity {name}")

    return si_phase_conductivity(
        sto,
        p("when delithiated [S.m-1]") * delithiated_factor,
        p("when lithiated [S.m-1]"),
        p("transition stoichiometry"),
        p("transition width"),
    )


class LithiationDependentOhm(pybamm.electrode.ohm.Full):
    """Ohm's law in the Si electrode with a conductivity that depends on lithiation.

    The electronic path is the conductive additive network in parallel with the Si
    phase (volume fraction ``eps_s``, Bruggeman exponent 1.5):

    .. math:: \\sigma = \\sigma_{add} + \\sigma_{Si}(sto)\\, \\varepsilon_s^{1.5}

    ``sigma_Si(sto)`` is :func:`si_phase_conductivity` evaluated at the local particle
    *surface* stoichiometry: electrons cross between particles at their surfaces, and
    the local dependence keeps the Jacobian sparse. PyBaMM's transport efficiency multiplies the whole.
    """

    def _sigma(self, variables):
        D = self.domain.capitalize()
        sto = variables[f"{D} particle surface stoichiometry"]
        eps_s = variables[f"{D} electrode active material volume fraction"]

        def p(name):
            return pybamm.Parameter(f"{D} electrode {name}")

        sigma_si = electrode_si_phase_conductivity(sto, D)
        return p("conductive additive conductivity [S.m-1]") + sigma_si * eps_s**1.5, sigma_si

    def get_coupled_variables(self, variables):
        D = self.domain.capitalize()
        phi_s = variables[f"{D} electrode potential [V]"]
        tor = variables[f"{D} electrode transport efficiency"]
        sigma, sigma_si = self._sigma(variables)
        sigma_eff = sigma * tor
        i_s = -sigma_eff * pybamm.grad(phi_s)
        variables.update(
            {
                f"{D} electrode effective conductivity": sigma_eff,
                f"{D} electrode Si phase conductivity [S.m-1]": sigma_si,
            }
        )
        variables.update(self._get_standard_current_variables(i_s))
        if self.domain == "positive":
            variables.update(self._get_standard_whole_cell_variables(variables))
        return variables

    def set_boundary_conditions(self, variables):
        D = self.domain.capitalize()
        phi_s = variables[f"{D} electrode potential [V]"]
        if self.domain == "negative":
            lbc = (variables["Negative current collector potential [V]"], "Dirichlet")
            rbc = (pybamm.Scalar(0), "Neumann")
        else:
            tor = variables[f"{D} electrode transport efficiency"]
            sigma_eff = self._sigma(variables)[0] * tor
            i_cc = variables["Current collector current density [A.m-2]"]
            lbc = (pybamm.Scalar(0), "Neumann")
            rbc = (i_cc / pybamm.boundary_value(-sigma_eff, "right"), "Neumann")
        self.boundary_conditions[phi_s] = {"left": lbc, "right": rbc}
