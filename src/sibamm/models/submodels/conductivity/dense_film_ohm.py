#
# Electronic conduction through a dense Si film whose conductivity follows its lithiation
#
import pybamm

from .lithiation_dependent import electrode_si_phase_conductivity


class DenseFilmOhm(pybamm.electrode.ohm.Full):
    r"""Electrons cross a dense Si film from the Cu foil to the Si|SE face.

    In an electrolyte-free film Li+ enters only at the SE face (y = L_film), so every
    electron of the main and side reactions crosses the whole film thickness, through Si
    whose conductivity depends on its local lithiation ``sto(y)`` (the slab profile of
    the particle submodel):

    .. math::
        R_e = \int_0^{L_{film}} \frac{dy}{\sigma_{add} + \sigma_{Si}(sto(y))},\qquad
        \eta_e = i_{cc} R_e

    with :func:`si_phase_conductivity` (log-sigmoidal between the delithiated and the
    lithiated film conductivity; the values are the *film's* measured ones, HAL: μSi
    1.98e-7 S/cm, Si@AlCl3 7.93e-6 S/cm, LixSi metallic). A delithiated, resistive layer at
    the SE face (delithiation empties the film from that face) puts a growing series
    resistance in front of the Li still deeper in the film: the voltage reaches its cut-off
    with Li left behind, kinetically trapped (K-Li), and a CV hold lets part of it out.

    The x-domain of the film carries one potential (its x points are copies of the same SE
    face, see below); the film drop is applied between that potential and the Cu current collector:
    in a half cell as a series drop of the cell voltage (like PyBaMM's contact resistance),
    in a full cell in the Dirichlet condition at the Cu. ``phi_s`` in the film is the
    potential at the SE face, where the reactions see it.

    **The stand-in x-conductivity, and rests.** The film's x points (3 of them, see
    :meth:`SiliconDFN.default_var_pts`) are copies of the same SE face: a stand-in
    conductivity ``sigma_x`` ties their potentials together. It needs to be large only
    compared with the face's own conductance: the x drop, ``~ i L / (2 sigma_x)``, must be
    negligible, not zero. It is set per area, ``sigma_x = G_x L_film`` with
    ``G_x = 1e5 S/m2``: the drop is < 0.3 mV at 5.1 mA/cm2 whatever the film thickness
    (the first-cycle capacities move by < 0.01%).
    A far larger value (formerly a fixed 1e3 S/m, ``G_x`` ~ 1.5e8 S/m2 for a 6.6 um film)
    is harmful: the split of the current among the identical points, ``a j = div(sigma_x
    grad phi_s)``, becomes a difference of nearly equal potentials times a conductance
    ~1e5 times the kinetic one (``j0 F / RT``), so in double precision the local
    interfacial current is only defined to ~1e-5 A/m2 (the algebraic Jacobian's condition
    number was ~4e10). While the film is (de)lithiated the error test allows
    ``rtol |j|`` and mostly passes; at a rest ``j -> 0`` and the error test with ``atol = 1e-8`` cannot be
    met, which is why IDA failed at the start of every rest of a dense-film cell
    (``Discharge at 0.1C until -0.6 V`` then ``Rest``), with any SEI or phase option.
    ``G_x`` = 1e6 and 1e7 S/m2 still failed in some runs (a GITT rest, the pre-lithiated full cell);
    1e5 S/m2 passes all of them.
    """

    #: conductance per area of the film's x-direction stand-in conductor [S/m2]
    X_CONDUCTANCE = 1e5

    def _x_conductivity(self):
        """``sigma_x = G_x L_film`` [S/m]: see the class docstring."""
        return self.X_CONDUCTANCE * pybamm.Parameter(f"{self.domain.capitalize()} electrode thickness [m]")

    def _film_resistance(self, variables):
        D = self.domain.capitalize()
        sto = variables[f"{D} particle stoichiometry"]

        def p(name):
            return pybamm.Parameter(f"{D} electrode {name}")

        sigma = p("conductive additive conductivity [S.m-1]") + electrode_si_phase_conductivity(sto, D)
        y = pybamm.SpatialVariable(f"r_{self.domain[0]}", domains=sto.domains, coord_sys="cartesian")
        return pybamm.x_average(pybamm.Integral(1 / sigma, y)), sigma

    def get_coupled_variables(self, variables):
        D = self.domain.capitalize()
        phi_s = variables[f"{D} electrode potential [V]"]
        sigma_eff = self._x_conductivity()
        i_s = -sigma_eff * pybamm.grad(phi_s)
        R_e, sigma = self._film_resistance(variables)
        i_cc = variables["Current collector current density [A.m-2]"]
        self._film_drop = i_cc * R_e
        area = self.param.L_y * self.param.L_z
        variables.update(
            {
                f"{D} electrode effective conductivity": sigma_eff,
                f"{D} electrode Si phase conductivity [S.m-1]": sigma,
                "Si film electronic resistance [Ohm.m2]": R_e,
                "Si film electronic resistance [Ohm]": R_e / area,
                "Si film electronic overpotential [V]": self._film_drop,
            }
        )
        variables.update(self._get_standard_current_variables(i_s))
        if self.domain == "positive":
            variables.update(self._get_standard_whole_cell_variables(variables))
        return variables

    def _get_standard_current_collector_potential_variables(self, phi_s_cn, phi_s_cp, delta_phi_contact):
        # half cell (Si positive): the film drop is in series between the SE face and the Cu
        return super()._get_standard_current_collector_potential_variables(
            phi_s_cn, phi_s_cp, delta_phi_contact + self._film_drop
        )

    def set_boundary_conditions(self, variables):
        D = self.domain.capitalize()
        phi_s = variables[f"{D} electrode potential [V]"]
        i_cc = variables["Current collector current density [A.m-2]"]
        if self.domain == "negative":  # full cell: the SE face is at phi_cc - i_cc R_e (i_cc < 0 lithiates)
            R_e = variables["Si film electronic resistance [Ohm.m2]"]
            lbc = (variables["Negative current collector potential [V]"] - i_cc * R_e, "Dirichlet")
            rbc = (pybamm.Scalar(0), "Neumann")
        else:
            lbc = (pybamm.Scalar(0), "Neumann")
            rbc = (-i_cc / self._x_conductivity(), "Neumann")
        self.boundary_conditions[phi_s] = {"left": lbc, "right": rbc}
