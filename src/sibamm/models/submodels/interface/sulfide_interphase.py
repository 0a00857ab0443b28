#
# Si | Li6PS5Cl interphase: chemical + electrochemical growth, contact loss, Al(Si)OCl surface layer
#
import pybamm

from ..smooth import smooth_abs, smooth_positive
from .irreversible_conversion import CarriesConversions


def _p(Domain, name):
    return pybamm.Parameter(f"{Domain} electrode {name}")


def contact_loss_rate(variables, domain):
    """d chi/dt [s-1]: Si|SE contact lost as Li is cycled through the contacts that are left.

    ``d chi/dt = f k_v eps_dot (eps_dot / eps_ref)^m`` with ``eps_dot`` below and ``j`` the
    current density per contacted interface area and ``f`` the exposed share of the surface
    (:func:`exposed_fraction`). ``Omega |j| / (F L_film)`` is the volumetric strain rate the
    contacts impose on the film behind them: voids and cracks open in proportion to the volume
    change cycled through each contact. As contact is lost the same cell current crowds into the
    contacts that are left (``j ~ I / (1 - chi)``, current constriction; Kasemchainan et al.,
    Nat. Mater. 18, 1105, 2019), so each contact fails faster and the loss accelerates until the
    face can no longer carry the current and the cut-off ends the step.

    The share of that volume change which creep of the lithiated Si under stack pressure cannot
    accommodate grows with the film's strain rate ``eps_dot = Omega |j| k (1 - chi) / (F L_film)``
    (the cell current per film volume; ``k`` the contact area per film area,
    :func:`~sibamm.models.submodels.particle.dense_film.face_area_factor`): ``(eps_dot / eps_ref)^m``.
    LixSi is viscoplastic, with a rate-sensitive flow stress (Bucci et al., J. Mech. Phys. Solids 62,
    276, 2014; creep of lithiated Si: Boles et al., Appl. Phys. Lett. 103, 263906, 2013). ``m = 0`` is
    rate-independent.
    """
    Domain = domain.capitalize()
    chi = variables[f"{Domain} electrode interfacial contact loss"]
    j = variables[f"{Domain} electrode interfacial current density [A.m-2]"]
    k_v = _p(Domain, "interfacial void growth coefficient")
    omega = _p(Domain, "partial molar volume [m3.mol-1]")
    L = pybamm.Parameter(f"{Domain} electrode thickness [m]")
    contact_strain_rate = omega * smooth_abs(j, 1e-6) / (pybamm.constants.F * L)
    film_strain_rate = contact_strain_rate * (1 - chi) * _p(Domain, "interface area factor")
    rate_factor = (film_strain_rate / _p(Domain, "interfacial void reference strain rate [s-1]")) ** _p(
        Domain, "interfacial void strain-rate exponent"
    )
    return exposed_fraction(Domain) * k_v * film_strain_rate * rate_factor


def lithiated_reaction_current(variables, Domain, passivation):
    """Current density [A.m-2 of exposed interface] of the chemical route fed by the Si's own Li.

    ``i_li = k_li a_Li (L_0 / L)`` with ``a_Li = exp(-F U / (R T))`` the Li activity of LixSi
    against Li metal (``U`` its open-circuit potential vs Li, capped at 0 V: ``a_Li <= 1``).
    Lithiated Si reduces LPSC to Li2S, Li3P and LiCl as Li metal does, through an interphase that
    grows parabolically from its own products (Wenzel et al., Solid State Ionics 318, 102, 2018),
    so ``k_li`` is the rate against Li metal through the initial layer. ``a_Li`` is ~0.1 at
    0.06 V and ~1e-4 at 0.25 V: the route needs deeply lithiated Si, runs with time at rest as in
    use, and takes cyclable Li. ``passivation`` is ``L_0 / L``.
    """
    U = variables[f"{Domain} electrode open-circuit potential [V]"]
    T = variables[f"{Domain} electrode temperature [K]"]
    # Li activity of LixSi, at most that of Li metal (an over-lithiated OCP below 0 V plates Li)
    a_li = pybamm.exp(-pybamm.constants.F * smooth_positive(U, 5e-3) / (pybamm.constants.R * T))
    return _p(Domain, "sulfide interphase lithiated-Si rate [A.m-2]") * a_li * passivation


def exposed_fraction(Domain):
    """``(1 - theta) + theta r``: the bare surface plus the cracked share ``r`` of the covered one."""
    theta = _p(Domain, "surface layer coverage")
    return (1 - theta) + theta * _p(Domain, "surface layer sulfide reduction ratio")


class SulfideInterphase(CarriesConversions, pybamm.sei.SEIGrowth):
    r"""Interphase of Si with the sulfide electrolyte Li6PS5Cl, and its Al(Si)OCl protection.

    Bare Si reacts with LPSC (Li2S, LixP and oxidised S/P species; HAL paper, XPS/ToF-SIMS).
    On the bare part of the Si surface (fraction ``1 - theta``) an interphase of thickness
    ``L = L_0 + L_ch + L_ec`` grows by two routes:

    1. **chemical** (Si + LPSC; Li comes from the SE, not from the Si inventory), diffusion
       limited through the existing layer and independent of current, so it continues at
       open circuit: ``dL_ch/dt = k_ch / (2 L)`` (parabolic, ``L^2 ~ k_ch t``). This is why
       the impedance of bare Si grows with time at rest. Once the Si is lithiated, LixSi itself
       reduces LPSC (:func:`lithiated_reaction_current`): that branch, on the exposed share ``f``
       like the electrochemical route, takes the Si's Li (C-Li that runs with time, not with
       charge) and thickens the bare layer by ``V_int i_li / F``. It needs the Li activity of
       deeply lithiated Si, so it acts in slow, deep cycles (the 20 mA/g NCM88 full-cell
       formation) and hardly at 10.5 A/g.
    2. **electrochemical** (SE reduction with Li from the electrode: C-Li, concentrated at
       the Si|LPSC interface), cathodically activated and passivated by the layer:
       ``i_ec = j0_ec (L_0/L) (1 - Q/Q_max) exp(-F (dphi - U_ec)/(2RT))`` per exposed area, so
       the current per Si interface area is ``j_ec = -f i_ec`` with ``f = (1 - theta) + theta r``
       (:func:`exposed_fraction`) and ``dL_ec/dt = V_int i_ec / F``. ``r`` (0..1) is the share of
       the covered surface exposed to LPSC: the thin SA layer cracks as the Si expands, and LPSC
       is reduced below ~1.7 V vs Li wherever the cracks let electrons reach it (HAL: C-Li 9.9%
       bare vs 7.5% coated). The route consumes Li (C-Li) but does not thicken the bare-Si film
       nor change the covered part's resistance. It has a finite capacity per exposed area: it
       stops as the Li it consumed there, ``Q`` (``dQ/dt = i_ec / F``), approaches ``Q_max``, so
       the reducible SE in contact is used up in the first cycles and the interfacial loss
       passivates (HAL: average CE 99.945 / 99.998% over 400 cycles). Rate and capacity both
       scale with the exposed area ``f``: a crack in the SA layer behaves like bare Si.

    The Al(Si)OCl/AlCl3 surface layer covers a fraction ``theta`` of the surface: it is
    stable against LPSC (no chemical route, and the electrochemical one and the voids only on
    its cracked share ``r``) and has its own constant resistance
    ``R_SA``. Bare and covered parts conduct in parallel,

    .. math:: R_{int} = \left(\frac{\theta}{R_{SA}} + \frac{(1-\theta)\kappa}{L}\right)^{-1}\ [\Omega\,m^2]

    which enters the main reaction as PyBaMM's SEI film overpotential ``-j_tot R_int``
    (the model publishes the SEI "thickness" ``R_int / rho_SEI`` for PyBaMM's kinetics; the
    physical thickness is ``Si sulfide interphase thickness [m]``).

    Voids and cracks at the exposed interface grow with cycling (:func:`contact_loss_rate`):
    the contact-loss fraction ``chi`` takes part of the Si face out of ionic contact, which
    :class:`DenseFilmActiveMaterial` turns into a smaller interface area (and, for its isolated
    share, lost active material: K-Li).

    Li consumed by the electrochemical route and the lithiated-Si branch is PyBaMM's
    ``Loss of lithium to ... SEI`` (the C-Li line). Irreversible conversions
    (:class:`IrreversibleConversion`: residual AlCl3, Li2S) listed in :attr:`conversions` add their
    side current to the interfacial current but are kept out of the interphase and its Li count.
    """

    def _states(self):
        Domain = self.domain.capitalize()
        return {
            "chemical": f"{Domain} electrode sulfide interphase chemical thickness [m]",
            "electrochemical": f"{Domain} electrode sulfide interphase electrochemical thickness [m]",
            "contact": f"{Domain} electrode interfacial contact loss",
            "consumed": f"{Domain} electrode sulfide interphase electrochemical lithium [mol.m-2]",
        }

    def get_fundamental_variables(self):
        variables = super().get_fundamental_variables()
        domain, Domain = self.domain_Domain
        domains = {"primary": f"{domain} electrode", "secondary": "current collector"}
        L0 = _p(Domain, "sulfide interphase initial thickness [m]")
        q_max = _p(Domain, "sulfide interphase formation capacity [mol.m-2]")
        for key, name in self._states().items():
            scale = {"contact": 1, "consumed": q_max}.get(key, L0)
            var = pybamm.Variable(name, domains=domains, scale=scale)
            variables[name] = var
            variables[name.replace(Domain, f"X-averaged {domain}", 1)] = pybamm.x_average(var)
        return variables

    def _thickness(self, variables):
        states = self._states()
        Domain = self.domain.capitalize()
        L0 = _p(Domain, "sulfide interphase initial thickness [m]")
        return L0 + variables[states["chemical"]] + variables[states["electrochemical"]]

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        F, R = self.param.F, self.param.R
        T = variables[f"{Domain} electrode temperature [K]"]
        dphi = variables[f"{Domain} electrode surface potential difference [V]"]
        theta = _p(Domain, "surface layer coverage")
        L0 = _p(Domain, "sulfide interphase initial thickness [m]")
        L = self._thickness(variables)
        q = variables[self._states()["consumed"]]
        q_max = _p(Domain, "sulfide interphase formation capacity [mol.m-2]")
        i_ec = (
            _p(Domain, "sulfide interphase exchange current density [A.m-2]")
            * (L0 / L)
            * (1 - q / q_max)
            * pybamm.exp(
                -0.5 * F / (R * T) * (dphi - _p(Domain, "sulfide interphase formation potential [V]"))
            )
        )
        i_li = lithiated_reaction_current(variables, Domain, L0 / L)
        j_sei = -exposed_fraction(Domain) * (i_ec + i_li)
        j_sei = j_sei + self._conversion_current(variables)
        kappa = _p(Domain, "sulfide interphase ionic conductivity [S.m-1]")
        R_sa = _p(Domain, "surface layer resistance [Ohm.m2]")
        R_int = 1 / (theta / R_sa + (1 - theta) * kappa / L)
        variables.update(
            {
                f"{Domain} electrode sulfide interphase thickness [m]": L,
                f"X-averaged {domain} electrode sulfide interphase thickness [m]": pybamm.x_average(L),
                f"{Domain} electrode sulfide interphase electrochemical current density [A.m-2]": i_ec,
                f"{Domain} electrode sulfide interphase lithiated-Si current density [A.m-2]": i_li,
                f"X-averaged {domain} electrode sulfide interphase lithiated-Si current density [A.m-2]": (
                    pybamm.x_average(i_li)
                ),
                f"{Domain} electrode interphase resistance [Ohm.m2]": R_int,
                f"X-averaged {domain} electrode interphase resistance [Ohm.m2]": pybamm.x_average(R_int),
            }
        )
        variables.update(self._get_standard_reaction_variables(j_sei))
        variables.update(pybamm.sei.BaseModel.get_coupled_variables(self, variables))
        return variables

    def set_rhs(self, variables):
        super().set_rhs(variables)
        Domain = self.domain.capitalize()
        states = self._states()
        self._keep_conversions_out_of_film(variables)
        L = self._thickness(variables)
        i_ec = variables[f"{Domain} electrode sulfide interphase electrochemical current density [A.m-2]"]
        i_li = variables[f"{Domain} electrode sulfide interphase lithiated-Si current density [A.m-2]"]
        V_int = _p(Domain, "sulfide interphase molar volume [m3.mol-1]")
        self.rhs[variables[states["chemical"]]] = (
            _p(Domain, "sulfide interphase chemical growth constant [m2.s-1]") / (2 * L)
            + V_int * i_li / self.param.F
        )
        self.rhs[variables[states["electrochemical"]]] = V_int * i_ec / self.param.F
        self.rhs[variables[states["contact"]]] = contact_loss_rate(variables, self.domain)
        self.rhs[variables[states["consumed"]]] = i_ec / self.param.F

    def set_initial_conditions(self, variables):
        super().set_initial_conditions(variables)
        for name in self._states().values():
            self.initial_conditions[variables[name]] = pybamm.Scalar(0)


class SulfideInterphaseThickness(pybamm.sei.SEIThickness):
    """PyBaMM's SEI thickness variables, with the "thickness" seen by the kinetics set so that
    ``L_SEI rho_SEI = R_int`` (the interphase resistance of :class:`SulfideInterphase`)."""

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        # read R_int first: PyBaMM's build retries a submodel that raises KeyError, but the parent
        # writes its own thickness into ``variables`` before that, and the kinetics would read it
        R_int = variables[f"{Domain} electrode interphase resistance [Ohm.m2]"]
        variables = super().get_coupled_variables(variables)
        L_eff = R_int / self.phase_param.R_sei
        variables[f"{Domain} SEI thickness [m]"] = L_eff
        variables[f"X-averaged {domain} SEI thickness [m]"] = pybamm.x_average(L_eff)
        variables[f"Volume-averaged {domain} SEI thickness [m]"] = pybamm.x_average(L_eff)
        variables[f"X-averaged {domain} electrode resistance [Ohm.m2]"] = pybamm.x_average(R_int)
        return variables
