#
# Fickian diffusion in a hollow, porous spherical shell
#
import pybamm


class HollowShellDiffusion(pybamm.particle.FickianDiffusion):
    """Fickian diffusion of Li in the Si skeleton of a porous shell r in [R_in, R_out].

    The concentration is per unit volume of (unexpanded) Si skeleton, so the shell
    porosity ``eps_sh`` scales the surface flux: the outer surface of the shell
    envelope supplies Li to a solid volume ``(1 - eps_sh)`` times the envelope
    volume. The inner (void) surface has no flux. With ``R_in -> 0`` and
    ``eps_sh = 0`` this is PyBaMM's solid-sphere :class:`pybamm.particle.FickianDiffusion`
    exactly; the shell domain itself comes from the model geometry
    (:class:`sibamm.models.SiliconDFN`). Shell geometries with the finite-volume
    spherical operators follow PyBaMM issue #3115.

    Li diffuses about two orders of magnitude faster in crystalline Li15Si4 than in
    a-LixSi (1e-10-1e-11 vs 1e-12-1e-13 cm2/s; SCIENCE.md, Physics common). Where the
    c-Li15Si4 fraction ``phi`` of the phase submodel exists, the diffusivity is the
    volume-weighted mixture ``D (1 - phi + r_c phi)`` with ``r_c`` the ratio parameter.
    """

    def _get_effective_diffusivity(self, c, T, current):
        D = super()._get_effective_diffusivity(c, T, current)
        Domain = self.domain.capitalize()
        phi = self._phase_variables.get(f"{Domain} electrode crystalline Li15Si4 fraction")
        if phi is None or self.x_average:
            return D
        ratio = pybamm.Parameter(f"{Domain} electrode crystalline Li15Si4 diffusivity ratio")
        phi = pybamm.PrimaryBroadcast(phi, [f"{self.domain} {self.phase_name}particle"])
        return D * (1 + (ratio - 1) * phi)

    def get_coupled_variables(self, variables):
        self._phase_variables = variables
        variables = super().get_coupled_variables(variables)
        Domain = self.domain.capitalize()
        p = self.phase_name
        eps_sh = pybamm.Parameter(f"{Domain} particle shell porosity")
        name = (
            f"X-averaged {self.domain} {p}particle bc [mol.m-4]"
            if self.x_average
            else f"{Domain} {p}particle bc [mol.m-4]"
        )
        if name not in variables:
            name = f"{Domain} {p}particle bc [mol.m-4]"
        variables[name] = variables[name] / (1 - eps_sh)
        return variables
