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
    c-Li15Si4 fraction ``phi(x)`` of the phase submodel exists, the diffusivity is the
    volume-weighted mixture ``D f`` with ``f = 1 - phi + r_c phi`` (``r_c`` the ratio
    parameter). ``f`` does not vary along the particle radius, so it is taken out of the
    divergence, ``div(D f grad c) = f div(D grad c)``, and divides the surface-flux
    condition: exact, and it keeps the radial operator linear (a field-valued diffusivity
    would be averaged onto every radial edge).

    A dense film (:class:`DenseFilmActiveMaterial`) whose face to the SE is partly lost to
    voids takes only the contacted fraction of its face: the surface flux is scaled by the
    ``Si face contact fraction``, so the Li entering the slab matches the interfacial current.
    """

    def get_coupled_variables(self, variables):
        variables = super().get_coupled_variables(variables)
        Domain = self.domain.capitalize()
        p = self.phase_name
        eps_sh = pybamm.Parameter(f"{Domain} particle shell porosity")
        prefix = f"X-averaged {self.domain} {p}particle" if self.x_average else f"{Domain} {p}particle"
        bc = (
            f"{prefix} bc [mol.m-4]"
            if f"{prefix} bc [mol.m-4]" in variables
            else f"{Domain} {p}particle bc [mol.m-4]"
        )
        variables[bc] = variables[bc] / (1 - eps_sh)
        # a dense film whose SE face is partly lost (DenseFilmActiveMaterial, set before this submodel):
        # the slab takes the face-averaged flux, the contacted fraction times the flux through the contacts
        contact = variables.get(f"{Domain} electrode Si face contact area per film area")
        if contact is not None:
            variables[bc] = variables[bc] * (pybamm.x_average(contact) if self.x_average else contact)
        phi = variables.get(f"{Domain} electrode crystalline Li15Si4 fraction")
        if phi is not None and not self.x_average:
            ratio = pybamm.Parameter(f"{Domain} electrode crystalline Li15Si4 diffusivity ratio")
            factor = 1 + (ratio - 1) * phi
            on_particle = pybamm.PrimaryBroadcast(factor, [f"{self.domain} {p}particle"])
            rhs = f"{Domain} {p}particle rhs [mol.m-3.s-1]"
            variables[rhs] = on_particle * variables[rhs]
            variables[bc] = variables[bc] / factor
            for name in (
                f"{Domain} {p}particle effective diffusivity [m2.s-1]",
                f"{Domain} {p}particle flux [mol.m-2.s-1]",
            ):
                if name in variables:
                    variables[name] = variables[name] * (
                        on_particle
                        if "diffusivity" in name
                        else pybamm.PrimaryBroadcastToEdges(factor, [f"{self.domain} {p}particle"])
                    )
        return variables
