#
# Irreversible conversion of a Li-consuming impurity in the first lithiation (Li2S, AlCl3)
#
import pybamm


class IrreversibleConversion(pybamm.BaseSubModel):
    r"""Irreversible, Li-consuming conversion of a species held in the Si electrode.

    One submodel for every "impurity takes Li once and keeps it" reaction, named by a
    ``prefix``:

    * ``"Li2S"``: the substitutional S of quasi-metallic Si converts to Li2S, 2 Li per S,
      and the Li2S nanocrystals stay in the particle (QMS paper, SCIENCE.md section QMS);
    * ``"AlCl3"``: residual AlCl3 of the Si@AlCl3 surface layer is lithiated,
      AlCl3 + 3 Li -> Al + 3 LiCl (SEI components; HAL paper), 3 Li per AlCl3.

    The Li per formula unit enters through the Li content at full conversion,
    ``"<D> electrode <prefix> lithium content [mol.m-3]"`` (per m3 of Si; e.g. 3 x the AlCl3
    molar content). The conversion ``q`` (0 -> 1) at each electrode position follows a
    first-order, cathodically activated law

    .. math:: \dot q = k\, (1 - q)\, \exp\left(-\frac{F (\Delta\phi - U)}{2 R T}\right)

    with ``Delta phi`` the Si surface potential vs Li, so it happens as the electrode
    lithiates and never reverses. The Li comes through the interface as a side current
    ``j = -F c \dot q / a`` (per Si interface area, ``c`` the Li content per electrode
    volume at full conversion), which the SEI-type submodel of the electrode adds to its
    interfacial current but keeps out of its film and Li count
    (:class:`FormationAndBreathingSEI`, :class:`SulfideInterphase`: ``conversions``). The
    Li is published as ``Loss of lithium to <domain> <prefix> [mol]``: its own line of the
    Li inventory.

    Parameters (prefix ``<D> electrode ``): ``<prefix> lithium content [mol.m-3]``,
    ``<prefix> formation rate constant [s-1]``, ``<prefix> formation potential [V]``,
    ``initial <prefix> conversion``.
    """

    def __init__(self, param, domain, options, prefix="Li2S"):
        super().__init__(param, domain, options=options)
        self.prefix = prefix

    def _p(self, name):
        return pybamm.Parameter(f"{self.domain.capitalize()} electrode {name}")

    def _var(self, what):
        return f"{self.domain.capitalize()} electrode {self.prefix} {what}"

    def get_fundamental_variables(self):
        domain = self.domain
        q = pybamm.Variable(
            self._var("conversion"),
            domains={"primary": f"{domain} electrode", "secondary": "current collector"},
        )
        return {
            self._var("conversion"): q,
            f"X-averaged {domain} electrode {self.prefix} conversion": pybamm.x_average(q),
        }

    def _capacity(self):
        """Li held at full conversion [mol per m3 of electrode]."""
        return self._p(f"{self.prefix} lithium content [mol.m-3]") * pybamm.Parameter(
            f"{self.domain.capitalize()} electrode active material volume fraction"
        )

    def get_coupled_variables(self, variables):
        domain, Domain = self.domain_Domain
        F, R = self.param.F, self.param.R
        q = variables[self._var("conversion")]
        T = variables[f"{Domain} electrode temperature [K]"]
        dphi = variables[f"{Domain} electrode surface potential difference [V]"]
        a = variables[f"{Domain} electrode surface area to volume ratio [m-1]"]
        rate = (
            self._p(f"{self.prefix} formation rate constant [s-1]")
            * (1 - q)
            * pybamm.exp(-0.5 * F / (R * T) * (dphi - self._p(f"{self.prefix} formation potential [V]")))
        )
        c = self._capacity()
        j = -F * c * rate / a
        L = self.param.domain_params[domain].L
        trapped = pybamm.x_average(q) * c * L * self.param.L_y * self.param.L_z
        variables.update(
            {
                self._var("formation rate [s-1]"): rate,
                self._var("interfacial current density [A.m-2]"): j,
                f"Loss of lithium to {domain} {self.prefix} [mol]": trapped,
                f"Loss of capacity to {domain} {self.prefix} [A.h]": trapped * F / 3600,
            }
        )
        return variables

    def set_rhs(self, variables):
        q = variables[self._var("conversion")]
        self.rhs = {q: variables[self._var("formation rate [s-1]")]}

    def set_initial_conditions(self, variables):
        q = variables[self._var("conversion")]
        self.initial_conditions = {q: self._p(f"initial {self.prefix} conversion")}


class Li2SFormation(IrreversibleConversion):
    """S of quasi-metallic Si converted to Li2S (2 Li per S): :class:`IrreversibleConversion` "Li2S"."""

    def __init__(self, param, domain, options):
        super().__init__(param, domain, options, prefix="Li2S")


class CarriesConversions:
    """Mixin for the SEI-type submodel through whose interface the conversions' Li passes.

    The conversions' side currents (:class:`IrreversibleConversion`, prefixes in
    :attr:`conversions`, set by :class:`sibamm.models.SiliconDFN`) use the same electrons and
    the same Li+ as the side reaction, so they add to its interfacial current; their Li is
    counted on its own line, so it is taken back out of the film concentration.
    """

    #: prefixes of :class:`IrreversibleConversion` side currents that pass through this interface
    conversions = ()

    def _conversion_current(self, variables):
        """Sum of the conversions' interfacial current densities [A.m-2] (0 without any)."""
        Domain = self.domain.capitalize()
        j = pybamm.Scalar(0)
        for prefix in self.conversions:
            j = j + variables[f"{Domain} electrode {prefix} interfacial current density [A.m-2]"]
        return j

    def _keep_conversions_out_of_film(self, variables):
        """Remove the conversions' Li from the film concentration's rate (call after set_rhs)."""
        if not self.conversions:
            return
        Domain = self.domain.capitalize()
        c_film = variables[f"{Domain} SEI concentration [mol.m-3]"]
        a = variables[f"{Domain} electrode surface area to volume ratio [m-1]"]
        j_c = self._conversion_current(variables)
        self.rhs[c_film] = self.rhs[c_film] + a * j_c / (self.param.F * self.phase_param.z_sei)
