#
# Ohm's law in a single-ion conducting solid electrolyte, layer by layer
#
import pybamm


class SingleIonConductor(pybamm.electrolyte_conductivity.Full):
    r"""Charge conservation in a single-ion conducting solid electrolyte (t+ = 1).

    In a single-ion conductor only Li+ moves: there is no salt-concentration gradient
    (PyBaMM's :class:`pybamm.electrolyte_diffusion.ConstantConcentration` keeps c_e
    fixed and out of the states) and no diffusion potential, so the current obeys Ohm's law

    .. math:: i_e = -\sigma_k(x)\, \tau_k\, \nabla\phi_e, \qquad \nabla\cdot i_e = \sum a j

    with one conductivity per layer ``k``. ``tau_k`` is PyBaMM's electrolyte transport
    efficiency (volume fraction^Bruggeman): the SE in a porous composite (e.g. LIC in the
    NCM88 composite) conducts ``sigma tau``; a dense SE pellet has porosity 1 and Bruggeman 1.

    The separator is an SE pellet; in a full cell it is two layers in series, LPSC next to
    the Si electrode and LIC (thickness ``L_2``) next to the positive composite:
    ``sigma_s(x) = sigma_LPSC`` for ``x < L_n + L_s - L_2`` and ``sigma_LIC`` beyond. Because
    the conductivity multiplies a gradient, PyBaMM's finite volumes take the weighted
    harmonic mean of the two node values at each edge (Recktenwald 2012), so resistances in
    series add exactly when the layer interface falls on a mesh edge; the separator drop at
    uniform current is then ``I (L_1/sigma_1 + L_2/sigma_2)``.

    In a dense, electrolyte-free Si film (``dense_film``) ions only cross the Si|SE face:
    the film's x-domain carries no SE, and its phi_e is the SE potential at that face. It
    is modelled with a conductivity ``sigma_film = 1e8 S/m`` (uniform phi_e to ~1e-8 relative
    of the separator drop), which keeps PyBaMM's concatenated phi_e unchanged.
    """

    #: SE conductivity that makes phi_e uniform in an electrolyte-free film [S/m]
    FILM_CONDUCTIVITY = 1e3

    def __init__(self, param, options, si_domain, dense_film=False):
        super().__init__(param, options=options)
        self.si_domain = si_domain
        self.dense_film = dense_film

    def _conductivities(self):
        """sigma_k(x) tau_k per whole-cell domain, as a concatenation over the cell."""
        half = "negative electrode" not in self.options.whole_cell_domains
        parts = []
        for domain in self.options.whole_cell_domains:
            name = domain.split()[0]
            if domain == "separator":
                s1 = pybamm.Parameter("Separator solid electrolyte conductivity [S.m-1]")
                if half:
                    sigma = pybamm.FullBroadcast(s1, domain, "current collector")
                else:
                    s2 = pybamm.Parameter("Separator positive-side layer conductivity [S.m-1]")
                    L2 = pybamm.Parameter("Separator positive-side layer thickness [m]")
                    x = pybamm.standard_spatial_vars.x_s
                    # x_s already lives on (separator, current collector)
                    sigma = s1 + (s2 - s1) * (x > self.param.n.L + self.param.s.L - L2)
            elif name == self.si_domain and self.dense_film:
                sigma = pybamm.FullBroadcast(self.FILM_CONDUCTIVITY, domain, "current collector")
            else:
                sigma = pybamm.FullBroadcast(
                    pybamm.Parameter(f"{name.capitalize()} electrode solid electrolyte conductivity [S.m-1]"),
                    domain,
                    "current collector",
                )
            parts.append(sigma)
        return parts

    def _separator_resistance(self):
        """sum_k L_k / sigma_k over the cell area [Ohm], for a dense pellet (porosity 1)."""
        s1 = pybamm.Parameter("Separator solid electrolyte conductivity [S.m-1]")
        L_s = self.param.s.L
        if "negative electrode" not in self.options.whole_cell_domains:
            r = L_s / s1
        else:
            s2 = pybamm.Parameter("Separator positive-side layer conductivity [S.m-1]")
            L2 = pybamm.Parameter("Separator positive-side layer thickness [m]")
            r = (L_s - L2) / s1 + L2 / s2
        return r / (self.param.L_y * self.param.L_z)

    def get_coupled_variables(self, variables):
        phi_e = variables["Electrolyte potential [V]"]
        parts = []
        for domain, sigma in zip(self.options.whole_cell_domains, self._conductivities()):
            name = domain.split()[0]
            if name == self.si_domain and self.dense_film:
                parts.append(sigma)  # no SE in the film: no transport efficiency
            else:
                parts.append(sigma * variables[f"{name.capitalize()} electrolyte transport efficiency"])
        sigma_eff = pybamm.concatenation(*parts)
        i_e = -(sigma_eff * pybamm.grad(phi_e))
        i_e.print_name = "i_e"
        variables.update(self._get_standard_current_variables(i_e))
        # no concentration overpotential in a single-ion conductor
        if self.options.electrode_types["negative"] == "planar":
            phi_e_n = variables["Lithium metal interface electrolyte potential [V]"]
        else:
            phi_e_n = pybamm.x_average(variables["Negative electrolyte potential [V]"])
        phi_e_p = variables["Positive electrolyte potential [V]"]
        delta_phi_e_av = pybamm.x_average(phi_e_p) - phi_e_n
        variables.update(self._get_split_overpotential(pybamm.Scalar(0), delta_phi_e_av))
        variables["Solid electrolyte effective conductivity [S.m-1]"] = sigma_eff
        variables["Separator solid electrolyte resistance [Ohm]"] = self._separator_resistance()
        variables["Solid electrolyte ohmic overpotential [V]"] = delta_phi_e_av
        return variables
