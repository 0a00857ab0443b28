#
# Active material of hollow porous particles, lost by repeated volume change
#
import pybamm

from ..smooth import smooth_abs


class HollowSphereSwellingLAM(pybamm.active_material.LossActiveMaterial):
    """Si volume fraction of a hollow porous sphere electrode, with swelling-driven LAM.

    Surface area per electrode volume counts the *outer* surface of the shell only:

    .. math:: a = \\frac{3 \\varepsilon_s R_{out}^2}{(1-\\varepsilon_{sh})(R_{out}^3-R_{in}^3)}

    with ``eps_s`` the Si (skeleton) volume fraction and ``eps_sh`` the shell porosity;
    it reduces to PyBaMM's ``3 eps_s / R`` for a dense solid sphere.

    Loss of active material (Si that loses electronic contact) is driven by the
    magnitude of the particle's strain rates from
    :class:`sibamm.models.submodels.InwardBreathing`: the outer surface's ``r_out`` and,
    with a weight ``chi``, the Si skeleton's ``r_skel`` inside the shell:

    .. math::
        \\partial_t \\varepsilon_s = -k_{LAM}\\, \\varepsilon_s\\, (\\chi |r_{skel}| + |r_{out}|)\\, f_{frac}

    with ``f_frac`` the rate-dependent fracture factor of :class:`InwardBreathing`.

    Expansion absorbed by the shell pores and the core void does not move the outer
    surface and so costs little contact: this is how inward breathing protects the
    electrode (HPSS paper, in-situ TEM). The Li held by disconnected Si is counted
    by PyBaMM's ``Loss of lithium due to loss of active material`` (dead LixSi,
    the K-Li inventory), after Reniers et al. (2019) and Sulzer et al. (2021).
    """

    def __init__(self, param, domain, options, x_average=False, phase="primary", swelling_driven=True):
        super().__init__(param, domain, options, x_average, phase)
        self.swelling_driven = swelling_driven

    def _get_standard_active_material_variables(self, eps_solid):
        variables = super()._get_standard_active_material_variables(eps_solid)
        domain, Domain = self.domain_Domain
        p = self.phase_name
        R_out = self.phase_param.R
        R_in = pybamm.Parameter(f"{Domain} particle inner radius [m]")
        eps_sh = pybamm.Parameter(f"{Domain} particle shell porosity")
        eps = variables[f"{Domain} electrode {p}active material volume fraction"]
        a = 3 * eps * R_out**2 / ((1 - eps_sh) * (R_out**3 - R_in**3))
        variables.update(
            {
                f"{Domain} electrode {p}surface area to volume ratio [m-1]": a,
                f"X-averaged {domain} electrode {p}surface area to volume ratio [m-1]": (pybamm.x_average(a)),
            }
        )
        return variables

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        if not self.swelling_driven:
            zero = pybamm.FullBroadcast(0, f"{domain} electrode", "current collector")
            variables.update(self._get_standard_active_material_change_variables(zero))
            return variables
        eps = variables[f"{Domain} electrode {self.phase_name}active material volume fraction"]
        r_out = variables[f"{Domain} particle outer volumetric strain rate [s-1]"]
        r_skel = variables[f"{Domain} particle skeleton volumetric strain rate [s-1]"]
        k_lam = pybamm.Parameter(f"{Domain} electrode swelling-driven LAM coefficient")
        chi = pybamm.Parameter(f"{Domain} particle skeleton strain damage weight")
        fracture = variables[f"{Domain} particle fracture rate factor"]
        deps_dt = -k_lam * eps * (chi * smooth_abs(r_skel) + smooth_abs(r_out)) * fracture
        variables.update(self._get_standard_active_material_change_variables(deps_dt))
        return variables

    def set_rhs(self, variables):
        """PyBaMM's LAM rates, with the Li lost to LAM weighted by the particle Li content state.

        :class:`InwardBreathing` keeps the particle-average Li content as a state equal to the
        R-average of the concentration; using it instead of the R-average makes the lost-Li
        rate depend on one value per electrode position rather than on every radial point,
        which keeps that row of the Jacobian sparse.
        """
        super().set_rhs(variables)
        domain, Domain = self.domain_Domain
        p = self.phase_name
        c_av = variables.get(f"{Domain} particle Li content [mol.m-3]")
        if c_av is None or self.x_average:
            return
        lli = variables[f"Loss of lithium due to loss of {p}active material in {domain} electrode [mol]"]
        deps_dt = variables[f"{Domain} electrode {p}active material volume fraction change [s-1]"]
        V = self.domain_param.L * self.param.A_cc
        self.rhs[lli] = -V * pybamm.x_average(c_av * deps_dt)
